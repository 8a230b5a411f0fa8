using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Leaderboard.Tests.Infrastructure;
using Leaderboard.Web.Hosting;
using Leaderboard.Web.Ingestion;
using Leaderboard.Web.Keys;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using static Leaderboard.Tests.Api.SampleEvents;

namespace Leaderboard.Tests.Security;

/// <summary>
/// Keys in PostgreSQL: only a digest is stored, keys outlive a restart, and a revocation made on one node stops the key
/// on another node (another process's snapshot of the same table) within one second.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresKeyStoreTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Only_the_digest_is_stored_and_keys_outlive_a_restart()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var settings = new Dictionary<string, string> { ["ConnectionStrings:Leaderboard"] = connectionString };
        string key;
        string id;
        await using (var server = await LeaderboardServer.StartAsync(settings))
        {
            var created = await AdminKeys.CreateAsync(server, "mot-cua", ["000.07.12.H37"]);
            key = created.GetProperty("key").GetString()!;
            id = created.GetProperty("id").GetString()!;
        }

        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        await using (var command = dataSource.CreateCommand("SELECT id, name, kind, key_hash, units, can_write, revoked_at, row_to_json(api_keys)::text FROM api_keys"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            Assert.Equal(id, reader.GetString(0));
            Assert.Equal("mot-cua", reader.GetString(1));
            Assert.Equal("integrator", reader.GetString(2));
            Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(key)), reader.GetFieldValue<byte[]>(3));
            Assert.Equal(["000.07.12.H37"], reader.GetFieldValue<string[]>(4));
            Assert.True(reader.GetBoolean(5));
            Assert.True(reader.IsDBNull(6));
            Assert.DoesNotContain(key, reader.GetString(7), StringComparison.Ordinal);
            Assert.False(await reader.ReadAsync());
        }

        await using (var restarted = await LeaderboardServer.StartAsync(settings))
        {
            var tag = NewTag();
            using var write = await EventsEndpoint.PostAsync(restarted, Content(Array(Received($"pg-{tag}", $"D-{tag}"))), "Bearer " + key);
            IngestAnswer.Tally(await IngestAnswer.OkAsync(write), accepted: 1, duplicates: 0);
        }
    }

    [Fact]
    public async Task A_key_revoked_on_one_node_stops_working_on_another_within_one_second()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var server = await LeaderboardServer.StartAsync(new Dictionary<string, string> { ["ConnectionStrings:Leaderboard"] = connectionString });

        // The other node's key snapshot: its own ApiKeys, refreshed from the same table by its own KeyRefresher.
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var otherKeys = new ApiKeys(Options.Create(new LeaderboardOptions()), new AdminKey("another-admin-key", Generated: false));
        using var otherRefresher = new KeyRefresher(new PostgresKeyStore(dataSource), otherKeys, TimeProvider.System, NullLogger<KeyRefresher>.Instance);
        await otherRefresher.StartAsync(CancellationToken.None);
        try
        {
            var created = await AdminKeys.CreateAsync(server, "thanh-toan", ["000.00.12.H37"]);
            var bearer = AdminKeys.Bearer(created);
            await Eventually.TrueAsync(() => Task.FromResult(otherKeys.Resolve(bearer) is not null), TimeSpan.FromSeconds(1), "the other node did not learn the new key");
            Assert.Equal(created.GetProperty("id").GetString(), otherKeys.Resolve(bearer)!.Id);
            Assert.Equal(["000.00.12.H37"], otherKeys.Resolve(bearer)!.Scope);

            await AdminKeys.RevokeAsync(server, created.GetProperty("id").GetString()!);
            var revoked = Stopwatch.StartNew();
            using (var here = await EventsEndpoint.PostAsync(server, Content("[]"), bearer))
            {
                await IngestAnswer.ProblemAsync(here, HttpStatusCode.Unauthorized);
            }

            await Eventually.TrueAsync(() => Task.FromResult(otherKeys.Resolve(bearer) is null), TimeSpan.FromSeconds(1), "the other node still accepts the revoked key");
            Assert.True(revoked.Elapsed < TimeSpan.FromSeconds(1), $"took {revoked.ElapsedMilliseconds} ms");
        }
        finally
        {
            await otherRefresher.StopAsync(CancellationToken.None);
        }
    }
}
