using Leaderboard.Abstractions.Ingestion;

namespace Leaderboard.Abstractions.Boards;

/// <summary>Coalesced activity of a board's units since its last publication.</summary>
[GenerateSerializer, Immutable, Alias("lb.BoardActivity")]
public sealed record BoardActivity(
    [property: Id(0)] string Campaign,
    [property: Id(1)] string Board,
    [property: Id(2)] IReadOnlyList<ActivityCount> Items);
