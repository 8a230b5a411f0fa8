using Leaderboard.Abstractions.Boards;
using Leaderboard.Abstractions.Ledger;
using Leaderboard.Grains.Ledger;
using Leaderboard.Grains.Organisation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Leaderboard.Grains.Hosting;

/// <summary>
/// When the cluster declares a silo dead, brings back what lived there without waiting for a caller: every ledger
/// shard is activated (one that died replays snapshot + journal and tells its units about its new epoch), then every
/// board pulls its units again (a unit that died comes back from the shards; a board that died reloads). Grains are
/// lazy otherwise: a shard that nobody writes to would never tell the surviving units what its old activation had
/// applied but not yet sent. Every surviving node does this; the calls are idempotent.
/// </summary>
internal sealed partial class ClusterRecovery(
    IClusterMembershipService membership,
    IGrainFactory grains,
    CatalogueHolder catalogues,
    IOptions<LedgerOptions> ledger,
    TimeProvider time,
    ILogger<ClusterRecovery> logger) : BackgroundService
{
    private const int Attempts = 10;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var died in SiloDeaths.ObserveAsync(membership, stoppingToken))
            {
                var dead = died.Where(d => !d.Stopped).ToList();
                if (dead.Count > 0)
                {
                    LogSiloDied(dead);
                }

                var stopped = died.Where(d => d.Stopped).ToList();
                if (stopped.Count > 0)
                {
                    LogSiloStopped(stopped);
                }

                await RecoverAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    private async Task RecoverAsync(CancellationToken stoppingToken)
    {
        var started = time.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Task.WhenAll(Enumerable.Range(0, ledger.Value.Shards).Select(s => grains.GetGrain<ILedgerShardGrain>(s).EnsureLoadedAsync()));
                await Task.WhenAll(catalogues.Current.AllBoards().Select(b => grains.GetGrain<IBoardGrain>(b.ToString()).ResynchroniseAsync()));
                var elapsed = time.GetElapsedTime(started).TotalMilliseconds;
                LogRecovered(elapsed);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The dead silo's share of the grain directory is still being taken over (Orleans may even cancel a
                // call whose placement took too long): try again shortly. Never let it escape: the host would stop.
                LogRetry(ex, attempt);
                if (attempt == Attempts)
                {
                    return;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), time, stoppingToken);
            }
        }
    }
}
