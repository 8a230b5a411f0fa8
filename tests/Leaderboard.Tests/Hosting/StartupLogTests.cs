using Leaderboard.Tests.Infrastructure;
using Npgsql;

namespace Leaderboard.Tests.Hosting;

/// <summary>
/// A node on PostgreSQL says in its first lines which server, database and cluster it is on: an operator with two
/// environments (a test and a live database) could not tell from the log which one a node had joined.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class StartupLogTests(PostgresFixture postgres) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("startup-log-").FullName;

    [Fact]
    public async Task The_log_names_the_server_the_database_and_the_cluster_but_no_password()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var where = new NpgsqlConnectionStringBuilder(connectionString);
        await using var node = await WebNodeProcess.StartAsync(connectionString, Path.Combine(_folder, "node.log"));

        var log = node.ReadLog();

        Assert.Contains($"Lưu trữ: PostgreSQL {where.Host}:{where.Port}, cơ sở dữ liệu {where.Database}, người dùng {where.Username}; cụm leaderboard", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", log, StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
