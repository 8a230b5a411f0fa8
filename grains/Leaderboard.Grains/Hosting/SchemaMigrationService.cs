using Leaderboard.Grains.Storage.Migrations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Leaderboard.Grains.Hosting;

/// <summary>
/// Applies the schema migrations at start-up, before the silo starts, and checks that no other cluster uses the
/// database and that the journal was written with this node's shard count; waits for the database if it is not up yet, but not for a setting that waiting cannot fix.
/// </summary>
internal sealed partial class SchemaMigrationService(
    SchemaMigrator migrator,
    NpgsqlDataSource dataSource,
    IOptions<ClusterSettings> cluster,
    IOptions<Ledger.LedgerOptions> ledger,
    TimeProvider time,
    ILogger<SchemaMigrationService> logger) : IHostedService
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(2);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await migrator.MigrateAsync(dataSource, cancellationToken);
                await OtherClusters.RefuseAsync(dataSource, cluster.Value, cancellationToken);
                await JournalShards.RefuseOtherCountAsync(dataSource, ledger.Value.Shards, cancellationToken);

                // Which database and cluster this node is on, in the first lines an operator reads (no password).
                var where = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
                var (database, user) = (NodeSetup.DatabaseOf(where), NodeSetup.UserOf(where));
                LogReady(where.Host ?? "", where.Port, database, user, cluster.Value.ClusterId, cluster.Value.ServiceId, ledger.Value.Shards);
                return;
            }
            catch (PostgresException ex) when (NodeSetup.Problem(ex, dataSource) is { } problem)
            {
                throw new NodeSetupException(problem, ex);
            }
            catch (NpgsqlException ex) when (time.GetUtcNow() - started < GiveUpAfter && !cancellationToken.IsCancellationRequested)
            {
                LogWaiting(ex.Message, attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(10, attempt)), time, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
