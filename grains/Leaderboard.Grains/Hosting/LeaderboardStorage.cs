using Leaderboard.Domain.Catalogue;
using Leaderboard.Grains.Boards;
using Leaderboard.Grains.Ledger;
using Leaderboard.Grains.Organisation;
using Leaderboard.Grains.Units;
using Leaderboard.Grains.Storage;
using Leaderboard.Grains.Storage.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Leaderboard.Grains.Hosting;

/// <summary>
/// Storage wiring shared by web nodes and headless silos: PostgreSQL (journal, snapshots, schema migrations) when a
/// connection string is given, otherwise the embedded in-memory store.
/// </summary>
public static class LeaderboardStorage
{
    /// <summary>The ledger's waits, by setting name.</summary>
    private static readonly (string Name, Func<LedgerOptions, TimeSpan> Wait)[] LedgerWaits =
    [
        (nameof(LedgerOptions.FlushInterval), o => o.FlushInterval),
        (nameof(LedgerOptions.BusyFlushInterval), o => o.BusyFlushInterval),
        (nameof(LedgerOptions.DispatchInterval), o => o.DispatchInterval),
        (nameof(LedgerOptions.UnitPublishInterval), o => o.UnitPublishInterval),
        (nameof(LedgerOptions.SurgePublishInterval), o => o.SurgePublishInterval),
        (nameof(LedgerOptions.BoardDispatchInterval), o => o.BoardDispatchInterval),
        (nameof(LedgerOptions.BoardPublishInterval), o => o.BoardPublishInterval),
        (nameof(LedgerOptions.ActivityInterval), o => o.ActivityInterval),
        (nameof(LedgerOptions.TotalsKeptFor), o => o.TotalsKeptFor),
        (nameof(LedgerOptions.SnapshotInterval), o => o.SnapshotInterval),
    ];

    /// <summary>
    /// Registers the catalogue (seeded from <paramref name="dataPath"/>, or the built-in sample when it is empty, then
    /// kept equal to the store), the journal and, with PostgreSQL, the migrations. Call before <c>UseOrleans</c>: the
    /// schema must exist before the silo's storage starts.
    /// </summary>
    public static IServiceCollection AddLeaderboardStorage(this IServiceCollection services, IConfiguration configuration, string? connectionString, string? dataPath)
    {
        SettingValues.Check<LedgerOptions>(configuration, LedgerOptions.Section);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            SettingValues.CheckConnectionString(connectionString);
            SettingValues.Check<JournalOptions>(configuration, JournalOptions.Section);
        }

        var chosen = !string.IsNullOrWhiteSpace(dataPath);
        var dataFolder = chosen ? dataPath! : CatalogueLoader.DefaultFolder;
        var catalogue = CatalogueLoader.Load(dataFolder);
        services.AddSingleton(new CatalogueHolder(catalogue));
        services.AddSingleton(new CatalogueSeed(dataFolder, CatalogueFiles.FromFolder(dataFolder), chosen));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<NumbersDay>();
        services.AddSingleton<IngestLoad>();
        services.AddSingleton<UnitUpdateDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<UnitUpdateDispatcher>());
        services.AddSingleton<BoardUpdateDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<BoardUpdateDispatcher>());
        var ledger = services.AddOptions<LedgerOptions>().BindConfiguration(LedgerOptions.Section)
            .Validate(o => o.Shards is >= 1 and <= 4096, "Leaderboard:Ledger:Shards phải từ 1 đến 4.096.")
            .Validate(o => o.SnapshotEveryEvents >= 1, "Leaderboard:Ledger:SnapshotEveryEvents phải là một số nguyên dương.")
            .Validate(o => o.SurgeEventsPerSecond >= 0, "Leaderboard:Ledger:SurgeEventsPerSecond phải là 0 (không bao giờ) hoặc một số nguyên dương.")
            .Validate(o => o.BusyFlushEvents >= 1, "Leaderboard:Ledger:BusyFlushEvents phải là một số nguyên dương.")
            .Validate(o => o.ActivityPerRound >= 1, "Leaderboard:Ledger:ActivityPerRound phải là một số nguyên dương.")
            .ValidateOnStart();
        foreach (var (name, wait) in LedgerWaits)
        {
            ledger.Validate(o => IsInterval(wait(o)), $"Leaderboard:Ledger:{name} phải là một khoảng thời gian dương, tối đa một ngày (giờ:phút:giây, ví dụ 00:00:00.050).");
        }

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            services.AddSingleton<IEventJournal, InMemoryEventJournal>();
            services.AddSingleton<ICatalogueStore, InMemoryCatalogueStore>();
            services.AddHostedService<CatalogueSync>();
            return services;
        }

        services.AddSingleton(_ => NpgsqlDataSource.Create(PoolSizes.Capped(connectionString, PoolSizes.Journal)));
        services.AddSingleton<SchemaMigrator>();
        services.AddOptions<JournalOptions>().BindConfiguration(JournalOptions.Section)
            .Validate(o => o.Writers is >= 1 and <= 16, "Leaderboard:Journal:Writers phải từ 1 đến 16.")
            .ValidateOnStart();
        services.AddSingleton(sp => new PostgresEventJournal(
            sp.GetRequiredService<NpgsqlDataSource>(),
            sp.GetRequiredService<ILogger<PostgresEventJournal>>(),
            writers: sp.GetRequiredService<IOptions<JournalOptions>>().Value.Writers));
        services.AddSingleton<IEventJournal>(sp => sp.GetRequiredService<PostgresEventJournal>());
        services.AddSingleton<ICatalogueStore, PostgresCatalogueStore>();
        services.AddHostedService<SchemaMigrationService>();
        services.AddHostedService<CatalogueSync>();
        return services;
    }

    /// <summary>The snapshot store of the grains: Orleans ADO.NET storage on our own schema, or memory.</summary>
    public static ISiloBuilder AddLeaderboardGrains(this ISiloBuilder silo, string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            silo.AddMemoryGrainStorage(StorageNames.Snapshots);
        }
        else
        {
            silo.AddAdoNetGrainStorage(StorageNames.Snapshots, o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = PoolSizes.Capped(connectionString, PoolSizes.GrainStorage);
            });
        }

        return silo;
    }

    /// <summary>
    /// A wait the ledger's timers and pacing can use: above zero (a negative one failed every shard's activation, so
    /// every POST answered 500) and at most a day.
    /// </summary>
    private static bool IsInterval(TimeSpan value) => value > TimeSpan.Zero && value <= TimeSpan.FromDays(1);
}
