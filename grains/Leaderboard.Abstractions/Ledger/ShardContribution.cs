using Leaderboard.Domain.Counting;

namespace Leaderboard.Abstractions.Ledger;

/// <summary>All that one shard counts for one unit's subtree, as of the shard's message <see cref="Sequence"/> to that unit.</summary>
[GenerateSerializer, Immutable, Alias("lb.ShardContribution")]
public sealed record ShardContribution(
    [property: Id(0)] int Shard,
    [property: Id(1)] long Epoch,
    [property: Id(2)] long Sequence,
    [property: Id(3)] UnitCounters Counters);
