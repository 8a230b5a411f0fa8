using Leaderboard.Domain.Indicators;

namespace Leaderboard.Abstractions.Units;

/// <summary>
/// A unit (key: unit code): the sum of every ledger shard's counters for its subtree, evaluated for each campaign.
/// Reports its standing to the boards it competes on and its progress to its subscribers.
/// </summary>
public interface IUnitGrain : IGrainWithStringKey
{
    /// <summary>
    /// What a silo gathered for the unit since its previous call: shards' coalesced changes (they also carry activity for
    /// the ticker) and boards' rank notices. One call per unit per round, so a board never calls a unit itself.
    /// </summary>
    Task ApplyAsync(UnitUpdates updates);

    /// <summary>The unit's standing in a campaign over the campaign window, or as of the end of <paramref name="asOf"/>.</summary>
    [AlwaysInterleave]
    Task<UnitStanding> GetStandingAsync(string campaign, DateOnly? asOf);

    Task<UnitProgress> GetProgressAsync(string campaign, DateOnly? asOf);

    Task SubscribeAsync(IUnitObserver observer);

    Task UnsubscribeAsync(IUnitObserver observer);
}
