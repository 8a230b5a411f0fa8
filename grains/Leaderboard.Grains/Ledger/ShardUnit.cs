using Leaderboard.Domain.Counting;

namespace Leaderboard.Grains.Ledger;

/// <summary>
/// What a ledger shard keeps for one unit it reports to, in one place: the delta waiting for the next flush, the
/// activity seen since the last one, the sequence of the last delta sent, and whether the unit must hear of a new
/// epoch. One look-up per unit per flush, instead of one per collection the unit might be in.
/// </summary>
internal sealed class ShardUnit(string code)
{
    public string Code => code;

    /// <summary>Rolled-up counter changes not yet sent; null when there are none.</summary>
    public CounterDelta? Outbox { get; set; }

    /// <summary>Events seen at this unit since the last flush; null until the unit's first event.</summary>
    public UnitActivity? Activity { get; set; }

    /// <summary>Sequence of the last delta sent in this epoch (0: none yet).</summary>
    public long SentSequence { get; set; }

    /// <summary>The unit must be told of this activation's epoch (an empty, non-live delta).</summary>
    public bool Announce { get; set; }

    /// <summary>In the shard's list of units to flush.</summary>
    public bool Queued { get; set; }

    /// <summary>Whether the next flush has something for it.</summary>
    public bool HasNews => Outbox is not null || Announce || Activity is { IsEmpty: false };
}
