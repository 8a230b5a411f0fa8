using Leaderboard.Domain.Indicators;

namespace Leaderboard.Abstractions.Boards;

/// <summary>One row of a board: the unit's standing, its rank, and its rank at the end of the previous day.</summary>
[GenerateSerializer, Immutable, Alias("lb.BoardEntry")]
public sealed record BoardEntry(
    [property: Id(0)] UnitStanding Standing,
    [property: Id(1)] int Rank,
    [property: Id(2)] int? PreviousRank);
