namespace Leaderboard.Abstractions.Boards;

/// <summary>
/// A campaign's board (key: "campaign/board"): ranks its units' standings and publishes versioned diffs at most ten
/// times a second, whether or not anyone listens.
/// </summary>
public interface IBoardGrain : IGrainWithStringKey
{
    /// <summary>Units' new standings, gathered by a silo for one window (handed over, never changed after: not copied).</summary>
    Task UpdateStandingsAsync([Immutable] IReadOnlyList<StandingUpdate> updates);

    Task<BoardSnapshot> GetSnapshotAsync();

    /// <summary>The ranking at the end of a past day, computed from the units' per-day counters.</summary>
    Task<BoardSnapshot> GetAsOfAsync(DateOnly asOf);

    /// <summary>
    /// Pulls every member's standing again. After a node died, a unit that lived there comes back only when called,
    /// and what it had not yet pushed to this board is gone with it; pulling re-activates it from the shards.
    /// </summary>
    Task ResynchroniseAsync();

    Task SubscribeAsync(IBoardObserver observer);

    Task UnsubscribeAsync(IBoardObserver observer);
}
