using Leaderboard.Grains.Storage.Migrations;
using Leaderboard.Testing;
using Leaderboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Orleans.Storage;

namespace Leaderboard.Tests.Storage;

/// <summary>Orleans' ADO.NET grain storage running on our own table and queries (migration 0002), in a real silo.</summary>
[Collection(PostgresCollection.Name)]
public sealed class OrleansGrainStorageTests(PostgresFixture postgres) : IAsyncLifetime
{
    public const string StorageName = "snapshots";
    private const string DeletingStorageName = "snapshots-delete";

    private NpgsqlDataSource? _dataSource;
    private IHost? _silo;

    private NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("Not initialised.");

    private IHost Silo => _silo ?? throw new InvalidOperationException("Not initialised.");

    private IGrainFactory Grains => Silo.Services.GetRequiredService<IGrainFactory>();

    public async Task InitializeAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        _dataSource = NpgsqlDataSource.Create(connectionString);
        await new SchemaMigrator(NullLogger<SchemaMigrator>.Instance).MigrateAsync(_dataSource, CancellationToken.None);

        _silo = new HostBuilder()
            .UseOrleans(silo => silo
                .UseLocalhostClustering(siloPort: FreePort.Get(), gatewayPort: FreePort.Get(), serviceId: "storage-tests", clusterId: "storage-tests")
                .AddAdoNetGrainStorage(StorageName, options =>
                {
                    options.Invariant = "Npgsql";
                    options.ConnectionString = connectionString;
                })
                .AddAdoNetGrainStorage(DeletingStorageName, options =>
                {
                    options.Invariant = "Npgsql";
                    options.ConnectionString = connectionString;
                    options.DeleteStateOnClear = true;
                }))
            .Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await _silo.StartAsync(timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _silo.StopAsync(timeout.Token);
            _silo.Dispose();
        }

        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_grain_writes_reads_back_after_deactivation_and_clears()
    {
        var grain = Grains.GetGrain<ISnapshotProbeGrain>(42);
        Assert.Equal(new SnapshotProbeView(null, false, null), await grain.Read());

        await grain.Write("one");
        await grain.Write("two");
        await grain.Deactivate();
        Assert.Equal(new SnapshotProbeView("two", true, "2"), await grain.Read());

        await grain.Clear();
        await grain.Deactivate();
        Assert.Equal(new SnapshotProbeView(null, false, "3"), await grain.Read());
        Assert.Equal(1L, await CountRowsAsync());

        await grain.Write("three");
        await grain.Deactivate();
        Assert.Equal(new SnapshotProbeView("three", true, "4"), await grain.Read());
    }

    [Fact]
    public async Task Grains_with_string_keys_and_integer_keys_are_kept_apart()
    {
        await Grains.GetGrain<IStringKeyedSnapshotProbeGrain>("unit:H37").Write("by string");
        await Grains.GetGrain<IStringKeyedSnapshotProbeGrain>("unit:H38").Write("by other string");
        await Grains.GetGrain<ISnapshotProbeGrain>(7).Write("by integer");
        await Grains.GetGrain<IStringKeyedSnapshotProbeGrain>("unit:H37").Deactivate();
        await Grains.GetGrain<ISnapshotProbeGrain>(7).Deactivate();

        Assert.Equal("by string", (await Grains.GetGrain<IStringKeyedSnapshotProbeGrain>("unit:H37").Read()).Value);
        Assert.Equal("by other string", (await Grains.GetGrain<IStringKeyedSnapshotProbeGrain>("unit:H38").Read()).Value);
        Assert.Equal("by integer", (await Grains.GetGrain<ISnapshotProbeGrain>(7).Read()).Value);
        Assert.Equal(3L, await CountRowsAsync());
    }

    [Fact]
    public async Task A_stale_version_is_rejected_on_write_and_clear()
    {
        var storage = Silo.Services.GetRequiredKeyedService<IGrainStorage>(StorageName);
        var grainId = GrainId.Create("direct", "k1");

        var first = new GrainState<SnapshotProbeState>(new SnapshotProbeState { Value = "a" });
        await storage.WriteStateAsync("direct", grainId, first);
        Assert.Equal("1", first.ETag);

        // A second activation that never read the state cannot create it again.
        var twin = new GrainState<SnapshotProbeState>(new SnapshotProbeState { Value = "twin" });
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("direct", grainId, twin));

        var stale = new GrainState<SnapshotProbeState>(new SnapshotProbeState { Value = "stale" }) { ETag = "1", RecordExists = true };
        await storage.WriteStateAsync("direct", grainId, first);
        Assert.Equal("2", first.ETag);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("direct", grainId, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("direct", grainId, stale));

        var read = new GrainState<SnapshotProbeState>();
        await storage.ReadStateAsync("direct", grainId, read);
        Assert.Equal(("a", "2", true), (read.State?.Value, read.ETag, read.RecordExists));

        await storage.ClearStateAsync("direct", grainId, first);
        Assert.Equal(("3", false), (first.ETag, first.RecordExists));
    }

    [Fact]
    public async Task Delete_on_clear_removes_the_row_and_the_grain_can_start_again()
    {
        var storage = Silo.Services.GetRequiredKeyedService<IGrainStorage>(DeletingStorageName);
        var grainId = GrainId.Create("direct", "k2");
        var state = new GrainState<SnapshotProbeState>(new SnapshotProbeState { Value = "a" });
        await storage.WriteStateAsync("direct", grainId, state);
        var stale = new GrainState<SnapshotProbeState>(new SnapshotProbeState()) { ETag = "0", RecordExists = true };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("direct", grainId, stale));
        Assert.Equal(1L, await CountRowsAsync());

        await storage.ClearStateAsync("direct", grainId, state);

        Assert.Equal((null, false), (state.ETag, state.RecordExists));
        Assert.Equal(0L, await CountRowsAsync());
        await storage.WriteStateAsync("direct", grainId, state);
        Assert.Equal("1", state.ETag);
    }

    private async Task<long> CountRowsAsync()
    {
        await using var command = DataSource.CreateCommand("SELECT count(*) FROM orleans_grain_state");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
