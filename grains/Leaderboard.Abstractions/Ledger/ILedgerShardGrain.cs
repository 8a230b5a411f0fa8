using Leaderboard.Abstractions.Ingestion;

namespace Leaderboard.Abstractions.Ledger;

/// <summary>
/// One shard of the dossier ledger (key: shard number). Holds the state of the dossiers that hash to it, journals
/// their events durably before acknowledging, and reports coalesced counter deltas to the units they count for.
/// </summary>
public interface ILedgerShardGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Journals and applies validated events of this shard; answers once every accepted one is durable. With a
    /// <paramref name="scope"/> (an integrator key's units), an event whose unit or whose dossier's current unit lies
    /// outside it is rejected (field <c>unit</c>). Callers hand the lists over and never change them, so a call within a
    /// silo does not copy them.
    /// </summary>
    Task<IReadOnlyList<ItemVerdict>> IngestAsync([Immutable] IReadOnlyList<IngestItem> items, [Immutable] IReadOnlyList<string>? scope);

    /// <summary>The shard's whole contribution to a unit (a unit rebuilding itself asks every shard).</summary>
    [AlwaysInterleave]
    Task<ShardContribution> GetContributionAsync(string unit);

    /// <summary>Activates the shard and replays its journal; readiness waits for every shard.</summary>
    Task EnsureLoadedAsync();
}
