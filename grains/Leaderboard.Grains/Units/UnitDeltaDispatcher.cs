using Leaderboard.Abstractions.Ledger;
using Leaderboard.Abstractions.Units;
using Leaderboard.Grains.Dispatch;
using Leaderboard.Grains.Ledger;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Leaderboard.Grains.Units;

/// <summary>
/// One per silo: gathers the deltas that this silo's ledger shards address to each unit and delivers them as one
/// call per unit per round, however many shards contributed. A round starts as soon as a delta arrives while the
/// dispatcher is idle and at most once per <see cref="LedgerOptions.DispatchInterval"/>; deltas for a unit whose call is
/// still in flight wait for the next round after it returns (see <see cref="DispatchRounds"/>). Without it a parent unit (a district, the province)
/// would get a call from every shard at every flush. A unit has at most one call in flight, so it receives a shard's
/// deltas in order, and a unit whose node is gone (its call held until the response timeout) holds up no other unit;
/// a lost call shows up at the unit as a sequence gap, which it repairs by re-reading.
/// </summary>
internal sealed partial class UnitDeltaDispatcher(
    IGrainFactory grains,
    IOptions<LedgerOptions> options,
    TimeProvider time,
    ILogger<UnitDeltaDispatcher> logger) : BackgroundService
{
    private readonly DispatchRounds _rounds = new(options.Value.DispatchInterval, time);
    private readonly Lock _gate = new();
    private readonly HashSet<string> _inFlight = new(StringComparer.Ordinal);
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
            if (_inFlight.Contains(unit))
            {
                // Sent when the call in flight returns.
                return;
            }
        }

        _rounds.Wake();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _rounds.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            List<KeyValuePair<string, List<ShardDelta>>> ready;
            lock (_gate)
            {
                if (_pending.Count == 0)
                {
                    continue;
                }

                ready = new List<KeyValuePair<string, List<ShardDelta>>>(_pending.Count);
                var waiting = new Dictionary<string, List<ShardDelta>>(StringComparer.Ordinal);
                foreach (var kv in _pending)
                {
                    if (_inFlight.Add(kv.Key))
                    {
                        ready.Add(kv);
                    }
                    else
                    {
                        waiting[kv.Key] = kv.Value;
                    }
                }

                _pending = waiting;
            }

            foreach (var (unit, deltas) in ready)
            {
                _ = DeliverAsync(unit, deltas);
            }
        }
    }

    private async Task DeliverAsync(string unit, List<ShardDelta> deltas)
    {
        try
        {
            await grains.GetGrain<IUnitGrain>(unit).ApplyDeltasAsync(deltas);
        }
        catch (Exception ex)
        {
            LogLost(ex, unit, deltas.Count);
        }
        finally
        {
            bool more;
            lock (_gate)
            {
                _inFlight.Remove(unit);
                more = _pending.ContainsKey(unit);
            }

            if (more)
            {
                _rounds.Wake();
            }
        }
    }
}
