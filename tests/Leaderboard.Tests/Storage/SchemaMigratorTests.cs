using Leaderboard.Grains.Storage.Migrations;
using Leaderboard.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Leaderboard.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class SchemaMigratorTests(PostgresFixture postgres)
{
    [Fact]
    public void The_build_carries_the_numbered_migrations_in_order()
    {
        Assert.Equal(
            [(1, "0001_journal"), (2, "0002_orleans_storage")],
            SchemaMigrator.Migrations.Select(m => (m.Version, m.Name)).Take(2));
    }

    [Fact]
    public async Task Migrating_twice_applies_each_migration_once()
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateDatabaseAsync());
        var migrator = new SchemaMigrator(NullLogger<SchemaMigrator>.Instance);

        await migrator.MigrateAsync(dataSource, CancellationToken.None);
        await migrator.MigrateAsync(dataSource, CancellationToken.None);

        await AssertMigratedAsync(dataSource);
    }

    [Fact]
    public async Task Two_nodes_migrating_at_once_do_not_race()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var first = NpgsqlDataSource.Create(connectionString);
        await using var second = NpgsqlDataSource.Create(connectionString);

        await Task.WhenAll(
            Task.Run(() => new SchemaMigrator(NullLogger<SchemaMigrator>.Instance).MigrateAsync(first, CancellationToken.None)),
            Task.Run(() => new SchemaMigrator(NullLogger<SchemaMigrator>.Instance).MigrateAsync(second, CancellationToken.None)));

        await AssertMigratedAsync(first);
    }

    private static async Task AssertMigratedAsync(NpgsqlDataSource dataSource)
    {
        var versions = new List<int>();
        await using (var command = dataSource.CreateCommand("SELECT version FROM schema_migrations ORDER BY version"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                versions.Add(reader.GetInt32(0));
            }
        }

        Assert.Equal(SchemaMigrator.Migrations.Select(m => m.Version), versions);

        var queryKeys = new List<string>();
        await using (var command = dataSource.CreateCommand("SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                queryKeys.Add(reader.GetString(0));
            }
        }

        Assert.Equal(
            [
                "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey", "ClearStorageKey", "DeleteMembershipTableEntriesKey",
                "DeleteStorageKey", "GatewaysQueryKey", "InsertMembershipKey", "InsertMembershipVersionKey", "MembershipReadAllKey",
                "MembershipReadRowKey", "ReadFromStorageKey", "UpdateIAmAlivetimeKey", "UpdateMembershipKey", "WriteToStorageKey",
            ],
            queryKeys);

        await using var journal = dataSource.CreateCommand("SELECT count(*) FROM journal");
        Assert.Equal(0L, await journal.ExecuteScalarAsync());
    }

    [Fact]
    public async Task The_advisory_lock_is_released_after_migrating()
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateDatabaseAsync());
        await new SchemaMigrator(NullLogger<SchemaMigrator>.Instance).MigrateAsync(dataSource, CancellationToken.None);

        await using var command = dataSource.CreateCommand("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'");
        Assert.Equal(0L, await command.ExecuteScalarAsync());
    }
}
