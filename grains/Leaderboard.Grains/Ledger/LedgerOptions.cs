using Leaderboard.Abstractions.Ledger;

namespace Leaderboard.Grains.Ledger;

/// <summary>How the dossier ledger is sharded, flushed and snapshotted (section <c>Leaderboard:Ledger</c>).</summary>
public sealed class LedgerOptions
{
    public const string Section = "Leaderboard:Ledger";

    /// <summary>Number of ledger shards (default 64). Fixed for the life of a journal: the journal records each event's shard.</summary>
    public int Shards { get; set; } = LedgerSharding.DefaultShardCount;

    /// <summary>How often a shard sends its coalesced counter deltas to the units (default 50 ms).</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// How often a silo delivers the gathered deltas of all its shards to the units: one call per unit per window
    /// (default 200 ms; with the units' and boards' publication this keeps a GET fresh within a second).
    /// </summary>
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>A shard writes a snapshot after this many applied events (default 20,000) …</summary>
    public int SnapshotEveryEvents { get; set; } = 20_000;

    /// <summary>… or this long after its first unsnapshotted event (default 2 minutes).</summary>
    public TimeSpan SnapshotInterval { get; set; } = TimeSpan.FromMinutes(2);
}
