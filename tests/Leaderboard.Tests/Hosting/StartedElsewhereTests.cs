using Leaderboard.Tests.Infrastructure;

namespace Leaderboard.Tests.Hosting;

/// <summary>
/// A node started from another folder than its own (a service unit without a working directory): it finds its pages
/// and its settings all the same. It took the current folder as its content root, and every page redirected to "/".
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class StartedElsewhereTests(PostgresFixture postgres) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("elsewhere-").FullName;

    [Fact]
    public async Task A_node_started_from_another_folder_serves_its_pages()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var node = await WebNodeProcess.StartAsync(connectionString, Path.Combine(_folder, "node.log"), workingDirectory: _folder);
        using var http = new HttpClient { BaseAddress = node.Address };

        foreach (var page in new[] { "/", "/wall", "/units/000.07.12.H37" })
        {
            using var response = await http.GetAsync(new Uri(page, UriKind.Relative));
            Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"{page}: {(int)response.StatusCode}");
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        }

        using var script = await http.GetAsync(new Uri("/js/wall.js", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, script.StatusCode);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
