using Leaderboard.Abstractions.Ledger;
using Leaderboard.Domain.Catalogue;
using Leaderboard.Domain.Indicators;

namespace Leaderboard.Abstractions.Units;

/// <summary>
/// A unit (key: unit code): the sum of every ledger shard's counters for its subtree, evaluated for each campaign.
/// Reports its standing to the boards it competes on and its progress to its subscribers.
/// </summary>
public interface IUnitGrain : IGrainWithStringKey
{
    /// <summary>
    /// Shards' coalesced changes gathered by a silo for one window (they also carry activity for the ticker); handed over
    /// and never changed after, so not copied within a silo.
    /// </summary>
    Task ApplyDeltasAsync([Immutable] IReadOnlyList<ShardDelta> deltas);

    /// <summary>The unit's standing in a campaign over the campaign window, or as of the end of <paramref name="asOf"/>.</summary>
    [AlwaysInterleave]
    Task<UnitStanding> GetStandingAsync(string campaign, DateOnly? asOf);

    Task<UnitProgress> GetProgressAsync(string campaign, DateOnly? asOf);

    /// <summary>A board says where the unit now stands on it (one-way, so a board never waits on a unit).</summary>
    [OneWay]
    Task RankChangedAsync(BoardKey board, int rank, int of);

    Task SubscribeAsync(IUnitObserver observer);

    Task UnsubscribeAsync(IUnitObserver observer);
}
