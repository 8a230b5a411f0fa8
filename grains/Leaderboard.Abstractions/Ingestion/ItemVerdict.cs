namespace Leaderboard.Abstractions.Ingestion;

/// <summary>
/// The verdict on one event of a request; <see cref="Field"/> and <see cref="Error"/> only for a rejection. A struct:
/// one per event, in an array per shard call.
/// </summary>
[GenerateSerializer, Immutable, Alias("lb.ItemVerdict")]
public readonly record struct ItemVerdict(
    [property: Id(0)] int Index,
    [property: Id(1)] Verdict Verdict,
    [property: Id(2)] string? Field = null,
    [property: Id(3)] string? Error = null);
