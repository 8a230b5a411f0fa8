using Leaderboard.Abstractions.Ledger;
using Leaderboard.Abstractions.Units;
using Leaderboard.Grains.Ledger;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Leaderboard.Grains.Units;

/// <summary>
/// One per silo: gathers the deltas that this silo's ledger shards address to each unit and delivers them as one
/// call per unit per window, however many shards contributed. Without it a parent unit (a district, the province)
/// would get a call from every shard at every flush. Windows are delivered one after another, so a unit receives a
/// shard's deltas in order; a lost call shows up at the unit as a sequence gap, which it repairs by re-reading.
/// </summary>
internal sealed partial class UnitDeltaDispatcher(
    IGrainFactory grains,
    IOptions<LedgerOptions> options,
    TimeProvider time,
    ILogger<UnitDeltaDispatcher> logger) : BackgroundService
{
    private readonly Lock _gate = new();
    private Dictionary<string, List<ShardDelta>> _pending = new(StringComparer.Ordinal);

    public void Post(string unit, ShardDelta delta)
    {
        lock (_gate)
        {
            if (!_pending.TryGetValue(unit, out var list))
            {
                _pending[unit] = list = new List<ShardDelta>(4);
            }

            list.Add(delta);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.DispatchInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            Dictionary<string, List<ShardDelta>> window;
            lock (_gate)
            {
                if (_pending.Count == 0)
                {
                    continue;
                }

                window = _pending;
                _pending = new Dictionary<string, List<ShardDelta>>(window.Count, StringComparer.Ordinal);
            }

            await Task.WhenAll(window.Select(kv => DeliverAsync(kv.Key, kv.Value)));
        }
    }

    private async Task DeliverAsync(string unit, List<ShardDelta> deltas)
    {
        try
        {
            await grains.GetGrain<IUnitGrain>(unit).ApplyDeltasAsync(deltas);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogLost(ex, unit, deltas.Count);
        }
    }
}
