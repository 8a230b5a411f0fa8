using Leaderboard.Abstractions.Ledger;
using Leaderboard.Abstractions.Units;
using Leaderboard.Grains.Dispatch;
using Leaderboard.Grains.Ledger;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Leaderboard.Grains.Units;

/// <summary>
/// One per silo: gathers what this silo's ledger shards (deltas) and boards (rank notices) address to each unit and
/// delivers it as one call per unit per round (at most once per <see cref="LedgerOptions.DispatchInterval"/>), however
/// many shards and boards contributed. Without it a parent unit (a district, the province) would get a call from every
/// shard at every flush, and every unit one from each board whenever its rank moved. A unit has at most one call in
/// flight, so it receives a shard's deltas in order; a lost call shows up at the unit as a sequence gap, which it
/// repairs by re-reading. A unit also gets at most one call per <see cref="LedgerOptions.UnitPublishInterval"/>, and
/// publishes on it: after a quiet spell its updates go at once, and when it is busy they wait here, still gathering.
/// While the silo is in a surge (<see cref="IngestLoad"/>), at most once per <see cref="LedgerOptions.SurgePublishInterval"/>.
/// </summary>
internal sealed partial class UnitUpdateDispatcher(
    IGrainFactory grains,
    IOptions<LedgerOptions> options,
    IngestLoad load,
    TimeProvider time,
    ILogger<UnitUpdateDispatcher> logger)
    : RoundDispatcher<string, ShardDelta, UnitUpdates>(options.Value.DispatchInterval, options.Value.UnitPublishInterval, time, StringComparer.Ordinal)
{
    private static readonly Action<UnitUpdates, RankNotice> AddRank = static (batch, notice) =>
    {
        // Only the latest rank on each board matters.
        var ranks = batch.Ranks;
        for (var i = 0; i < ranks.Count; i++)
        {
            if (ranks[i].Board == notice.Board)
            {
                ranks[i] = notice;
                return;
            }
        }

        ranks.Add(notice);
    };

    private readonly GrainReferences<IUnitGrain> _units = new(grains);
    private bool _surging;

    /// <summary>A board's notice that <paramref name="unit"/>'s rank on it moved.</summary>
    public void PostRank(string unit, RankNotice notice) => Post(unit, notice, AddRank);

    protected override void BeforeRound()
    {
        var surging = load.Surging;
        if (surging == _surging)
        {
            return;
        }

        _surging = surging;
        var o = options.Value;
        var spacing = surging && o.SurgePublishInterval > o.UnitPublishInterval ? o.SurgePublishInterval : o.UnitPublishInterval;
        SetKeySpacing(spacing);
        if (surging)
        {
            LogSurgeStarted(load.EventsPerSecond, spacing);
        }
        else
        {
            LogSurgeEnded(load.EventsPerSecond, spacing);
        }
    }

    protected override UnitUpdates NewBatch() => new();

    protected override void Add(UnitUpdates batch, ShardDelta item) => batch.Deltas.Add(item);

    protected override Task DeliverAsync(string key, UnitUpdates batch) => _units[key].ApplyAsync(batch);

    protected override void OnLost(Exception exception, string key, UnitUpdates batch) =>
        LogLost(exception, key, batch.Deltas.Count, batch.Ranks.Count);
}
