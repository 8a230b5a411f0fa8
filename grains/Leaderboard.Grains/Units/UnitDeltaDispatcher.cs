using Leaderboard.Abstractions.Ledger;
using Leaderboard.Abstractions.Units;
using Leaderboard.Grains.Dispatch;
using Leaderboard.Grains.Ledger;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Leaderboard.Grains.Units;

/// <summary>
/// One per silo: gathers the deltas that this silo's ledger shards address to each unit and delivers them as one
/// call per unit per round (at most once per <see cref="LedgerOptions.DispatchInterval"/>), however many shards
/// contributed. Without it a parent unit (a district, the province) would get a call from every shard at every flush.
/// A unit has at most one call in flight, so it receives a shard's deltas in order; a lost call shows up at the unit
/// as a sequence gap, which it repairs by re-reading. A unit also gets at most one call per
/// <see cref="LedgerOptions.UnitPublishInterval"/>, the most it publishes: after a quiet spell its deltas go at once,
/// and when it is busy each call finds its publication due, so the deltas wait here instead of in the unit.
/// </summary>
internal sealed partial class UnitDeltaDispatcher(
    IGrainFactory grains,
    IOptions<LedgerOptions> options,
    TimeProvider time,
    ILogger<UnitDeltaDispatcher> logger)
    : RoundDispatcher<string, ShardDelta, List<ShardDelta>>(options.Value.DispatchInterval, options.Value.UnitPublishInterval, time, StringComparer.Ordinal)
{
    private readonly GrainReferences<IUnitGrain> _units = new(grains);

    protected override List<ShardDelta> NewBatch() => new(4);

    protected override void Add(List<ShardDelta> batch, ShardDelta item) => batch.Add(item);

    protected override Task DeliverAsync(string key, List<ShardDelta> batch) => _units[key].ApplyDeltasAsync(batch);

    protected override void OnLost(Exception exception, string key, List<ShardDelta> batch) =>
        LogLost(exception, key, batch.Count);
}
