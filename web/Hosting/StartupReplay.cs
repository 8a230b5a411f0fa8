using System.Diagnostics;
using Leaderboard.Abstractions.Boards;
using Leaderboard.Abstractions.Ledger;
using Leaderboard.Grains.Organisation;
using Leaderboard.Grains.Ledger;
using Microsoft.Extensions.Options;

namespace Leaderboard.Web.Hosting;

/// <summary>
/// After a start, activates every ledger shard (each replays its journal tail from its snapshot) and every board
/// (each pulls its units, which pull the shards), then marks the node ready. Until then /health/ready says 503.
/// </summary>
public sealed partial class StartupReplay(
    IGrainFactory grains,
    CatalogueHolder catalogues,
    IOptions<LedgerOptions> ledger,
    Readiness readiness,
    ILogger<StartupReplay> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await Task.WhenAll(Enumerable.Range(0, ledger.Value.Shards).Select(s => grains.GetGrain<ILedgerShardGrain>(s).EnsureLoadedAsync()));
                await Task.WhenAll(catalogues.Current.AllBoards().Select(b => grains.GetGrain<IBoardGrain>(b.ToString()).GetSnapshotAsync()));
                readiness.MarkReplayed();
                var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                LogReady(seconds);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Includes Orleans' own cancellations (a call that expired while a silo died): retry, never stop the node.
                LogRetry(ex, attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, attempt * 2)), stoppingToken);
            }
        }
    }
}
