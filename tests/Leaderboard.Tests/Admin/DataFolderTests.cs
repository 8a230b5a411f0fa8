using System.Net;
using System.Text;
using System.Text.Json;
using Leaderboard.Grains.Organisation;
using Leaderboard.Testing;
using Leaderboard.Tests.Infrastructure;
using Npgsql;

namespace Leaderboard.Tests.Admin;

/// <summary>
/// With PostgreSQL, the data folder (<c>Leaderboard:DataPath</c>) and the stored catalogue: a restart with the folder
/// unchanged keeps what the admin API changed; a restart after the folder was edited applies the folder; a node that
/// names no folder takes what is stored. (The stored catalogue used to win for good after the first start, so an edited
/// folder was silently ignored; then a node without the setting put the built-in sample back.)
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DataFolderTests(PostgresFixture postgres) : IDisposable
{
    private const string Campaign = "snn-ls-2024-tttt";
    private const string Forestry = "000.05.12.H37";

    private readonly string _folder = Directory.CreateTempSubdirectory("data-").FullName;

    [Fact]
    public async Task An_edited_folder_is_applied_at_the_next_start_and_an_unchanged_one_keeps_the_admins_changes()
    {
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Combine("web", "SampleData")))
        {
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
        }

        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Leaderboard"] = await postgres.CreateDatabaseAsync(),
            ["Leaderboard:DataPath"] = _folder,
        };
        await using (var server = await LeaderboardServer.StartAsync(settings))
        {
            var units = await File.ReadAllTextAsync(Path.Combine(_folder, "units.csv"));
            using var put = await server.Client.PutAsync(
                new Uri("/api/v1/admin/catalogue/units", UriKind.Relative),
                new StringContent(units.Replace("Chi cục Kiểm lâm,", "Chi cục Kiểm lâm tỉnh Lạng Sơn,", StringComparison.Ordinal), Encoding.UTF8, "text/csv"));
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        await using (var server = await LeaderboardServer.StartAsync(settings))
        {
            Assert.Equal("Chi cục Kiểm lâm tỉnh Lạng Sơn", await NameAsync(server));
            Assert.Equal(0.45m, await PaymentTargetAsync(server));
        }

        var campaignFile = Directory.EnumerateFiles(_folder, "campaign-*.json").Single();
        var campaign = await File.ReadAllTextAsync(campaignFile);
        await File.WriteAllTextAsync(campaignFile, campaign.Replace("\"target\": 0.45", "\"target\": 0.5", StringComparison.Ordinal));
        Assert.NotEqual(campaign, await File.ReadAllTextAsync(campaignFile));

        await using (var server = await LeaderboardServer.StartAsync(settings))
        {
            Assert.Equal(0.5m, await PaymentTargetAsync(server));
            // The folder's files replace the stored ones whole, the admin's change with them (the log says so).
            Assert.Equal("Chi cục Kiểm lâm", await NameAsync(server));
        }

        // A node that names no folder (a headless silo started as docs/cluster.md shows, say) joins with the stored
        // catalogue: the built-in sample, whose target is 0.45, does not replace the cluster's own.
        var withoutFolder = new Dictionary<string, string>(settings);
        withoutFolder.Remove("Leaderboard:DataPath");
        await using (var server = await LeaderboardServer.StartAsync(withoutFolder))
        {
            Assert.Equal(0.5m, await PaymentTargetAsync(server));
        }
    }

    [Fact]
    public async Task Two_nodes_starting_together_on_an_empty_database_seed_it_once()
    {
        // Each used to find the store empty and seed it: two revisions of the same files, and two "seeded" lines.
        var settings = new Dictionary<string, string> { ["ConnectionStrings:Leaderboard"] = await postgres.CreateDatabaseAsync() };

        var started = await Task.WhenAll(LeaderboardServer.StartAsync(settings), LeaderboardServer.StartAsync(settings));
        await using var first = started[0];
        await using var second = started[1];

        await using var dataSource = NpgsqlDataSource.Create(settings["ConnectionStrings:Leaderboard"]);
        Assert.Equal(1L, await new PostgresCatalogueStore(dataSource).RevisionAsync());
        Assert.Equal(0.45m, await PaymentTargetAsync(first));
        Assert.Equal(0.45m, await PaymentTargetAsync(second));
    }

    [Fact]
    public async Task A_conditional_save_changes_nothing_once_another_node_saved()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using (await LeaderboardServer.StartAsync(new Dictionary<string, string> { ["ConnectionStrings:Leaderboard"] = connectionString }))
        {
            // Seeded: revision 1.
        }

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var store = new PostgresCatalogueStore(dataSource);
        var stored = (await store.LoadAsync())!;

        Assert.Null(await store.SaveIfAsync(stored.Files, "other", expectedRevision: 0));
        Assert.Equal(1L, await store.RevisionAsync());
        Assert.Equal(2L, await store.SaveIfAsync(stored.Files, "other", expectedRevision: 1));
        Assert.Equal("other", (await store.LoadAsync())!.FolderDigest);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<string?> NameAsync(LeaderboardServer server) =>
        (await server.GetAsync<JsonElement>($"/api/v1/campaigns/{Campaign}/units/{Forestry}")).GetProperty("name").GetString();

    private static async Task<decimal> PaymentTargetAsync(LeaderboardServer server) =>
        (await server.GetAsync<JsonElement>($"/api/v1/campaigns/{Campaign}")).GetProperty("indicators").EnumerateArray()
            .Single(i => i.GetProperty("id").GetString() == "online-payment").GetProperty("target").GetDecimal();
}
