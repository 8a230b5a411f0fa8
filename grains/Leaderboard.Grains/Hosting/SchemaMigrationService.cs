using Leaderboard.Grains.Storage.Migrations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Leaderboard.Grains.Hosting;

/// <summary>Applies the schema migrations at start-up, before the silo starts; waits for the database if it is not up yet.</summary>
internal sealed partial class SchemaMigrationService(
    SchemaMigrator migrator,
    NpgsqlDataSource dataSource,
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
                return;
            }
            catch (NpgsqlException ex) when (time.GetUtcNow() - started < GiveUpAfter && !cancellationToken.IsCancellationRequested)
            {
                LogWaiting(ex, attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(10, attempt)), time, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
