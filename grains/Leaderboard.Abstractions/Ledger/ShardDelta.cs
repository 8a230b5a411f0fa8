using Leaderboard.Abstractions.Ingestion;
using Leaderboard.Domain.Counting;

namespace Leaderboard.Abstractions.Ledger;

/// <summary>
/// A shard's coalesced change to one unit's counters. <see cref="Sequence"/> counts the shard's messages to that unit
/// within <see cref="Epoch"/> (the shard's activation): a unit that sees a gap or a new epoch re-reads the shard's whole
/// contribution instead of guessing. <see cref="Live"/> is false for what a replay rebuilt (never a TargetReached).
/// </summary>
[GenerateSerializer, Immutable, Alias("lb.ShardDelta")]
public sealed record ShardDelta(
    [property: Id(0)] int Shard,
    [property: Id(1)] long Epoch,
    [property: Id(2)] long Sequence,
    [property: Id(3)] CounterDelta Counters,
    [property: Id(4)] IReadOnlyList<ActivityCount> Activity,
    [property: Id(5)] bool Live);
