using Leaderboard.Abstractions.Ledger;

namespace Leaderboard.Abstractions.Units;

/// <summary>
/// What one silo gathered for a unit in one round: the ledger shards' deltas (in order per shard) and the boards' rank
/// notices (in the order the boards published them). Filled by the silo's dispatcher, then handed over whole and never
/// changed again, so not copied within a silo.
/// </summary>
[GenerateSerializer, Immutable, Alias("lb.UnitUpdates")]
public sealed class UnitUpdates
{
    [Id(0)]
    public List<ShardDelta> Deltas { get; init; } = [];

    [Id(1)]
    public List<RankNotice> Ranks { get; init; } = [];
}
