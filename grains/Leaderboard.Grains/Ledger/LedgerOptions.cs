using Leaderboard.Abstractions.Ledger;

namespace Leaderboard.Grains.Ledger;

/// <summary>
/// How the dossier ledger is sharded, flushed and snapshotted, and how fast what it counts travels on to units, boards
/// and hub clients (section <c>Leaderboard:Ledger</c>). The push path of an accepted event: shard flush
/// (<see cref="FlushInterval"/>) → per-silo unit dispatcher (<see cref="DispatchInterval"/>) → unit publication
/// (<see cref="UnitPublishInterval"/>) → per-silo board dispatcher (<see cref="BoardDispatchInterval"/>) → board
/// publication (<see cref="BoardPublishInterval"/>) → hub. The dispatchers send at once when idle and coalesce while a
/// call is in flight; the intervals bound how often, so the calls per second stay bounded at high load.
/// </summary>
public sealed class LedgerOptions
{
    public const string Section = "Leaderboard:Ledger";

    /// <summary>Number of ledger shards (default 64). Fixed for the life of a journal: the journal records each event's shard.</summary>
    public int Shards { get; set; } = LedgerSharding.DefaultShardCount;

    /// <summary>How often a shard sends its coalesced counter deltas to the units (default 20 ms).</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// How often a busy shard sends its deltas (default 50 ms; never more often than <see cref="FlushInterval"/>): one
    /// that applied at least <see cref="BusyFlushEvents"/> events since its previous flush. Under such load the unit dispatcher holds a busy unit's deltas until its next
    /// publication (<see cref="UnitPublishInterval"/>) anyway, and each flush sends one delta to the district and one to
    /// the root: at 20 ms the node spent about 8 % more CPU per event in the ingest benchmark (18.2 and 19.5 µs against
    /// 17.3 and 17.3 at 50 ms, alternating runs).
    /// </summary>
    public TimeSpan BusyFlushInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Events applied since its previous flush that make a shard busy (default 10: with 64 shards and 20 ms flushes,
    /// about 32,000 events/s for the node; at 5,000 events/s a shard applies one or two per flush).
    /// </summary>
    public int BusyFlushEvents { get; set; } = 10;

    /// <summary>
    /// The least time between two delivery rounds of a silo's unit dispatcher, which gathers the deltas of all its
    /// shards into one call per unit per round (default 20 ms). A delta that arrives while the dispatcher is idle goes
    /// at once; a unit never has two calls in flight.
    /// </summary>
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// A unit publishes its standing (to its boards and its hub clients) at most once per this interval (default
    /// 250 ms): at once after a quiet spell, otherwise when the interval since the last publication is over. The
    /// unit dispatcher sends a unit its deltas at most this often too, so a busy unit's call finds its publication due.
    /// </summary>
    public TimeSpan UnitPublishInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Events per second applied by a silo's shards that make a surge (default 20,000; 0: never): a bulk import or an
    /// integrator's backlog, four times the live rate the latency benchmark holds to 300 ms. During a surge the silo's
    /// unit dispatcher sends each unit its updates at most once per <see cref="SurgePublishInterval"/>, and units publish
    /// on each delivery; the surge ends in the first second below half the rate. At 60,000 events/s, publishing every
    /// unit four times a second took about a fifth of the node's CPU in the ingest benchmark.
    /// </summary>
    public int SurgeEventsPerSecond { get; set; } = 20_000;

    /// <summary>
    /// How often a unit gets its updates and publishes during a surge (default 500 ms; never more often than
    /// <see cref="UnitPublishInterval"/>). api.md's freshness (a GET reflects every event acknowledged at least a second
    /// before) bounds it: an event waits for its shard's flush (<see cref="BusyFlushInterval"/>), then for its unit's
    /// delivery (this), then for its board's round and publication (<see cref="BoardDispatchInterval"/>,
    /// <see cref="BoardPublishInterval"/>); the defaults add up to 770 ms, which leaves the rest of the second for the
    /// work itself and a GC pause.
    /// </summary>
    public TimeSpan SurgePublishInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The least time between two delivery rounds of a silo's board dispatcher (default 20 ms), as for units.</summary>
    public TimeSpan BoardDispatchInterval { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// A board publishes a versioned diff at most once per this interval (default 200 ms, five a second; api.md allows
    /// up to ten): at once after a quiet spell, otherwise when the interval since the last publication is over. Under
    /// load a diff holds most of the board (~40 KB for 100 units) and goes to every subscriber: at 5,000 events/s and
    /// 1,000 clients, 100 ms doubled the bytes sent without bringing the changes sooner (the latency benchmark's p99
    /// 428 ms at 100 ms, 281 ms at 200 ms, on two cores).
    /// </summary>
    public TimeSpan BoardPublishInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// A board sends its coalesced activity (the wall's ticker) at most once per this interval (default 1 s, the
    /// ticker's own pace): at once after a quiet spell.
    /// </summary>
    public TimeSpan ActivityInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>At most this many <c>Activity</c> messages per board and round (default 12, the ticker's length); the rest wait, still adding up.</summary>
    public int ActivityPerRound { get; set; } = 12;

    /// <summary>
    /// A shard keeps its units' totals (what a re-reading unit gets) this long after the last re-read (default 2 s), then
    /// drops them; the next re-read builds them again in one pass over the shard's dossiers. Re-reads come in bursts
    /// (units activating, a shard's new epoch) that this covers; between bursts, keeping the totals current cost the
    /// node about a fifth of its CPU per event in the ingest benchmark.
    /// </summary>
    public TimeSpan TotalsKeptFor { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A shard writes a snapshot after this many applied events (default 20,000) …</summary>
    public int SnapshotEveryEvents { get; set; } = 20_000;

    /// <summary>… or this long after its first unsnapshotted event (default 2 minutes).</summary>
    public TimeSpan SnapshotInterval { get; set; } = TimeSpan.FromMinutes(2);
}
