namespace Leaderboard.Abstractions.Units;

/// <summary>A unit's rank on one board of a campaign.</summary>
[GenerateSerializer, Immutable, Alias("lb.BoardRank")]
public sealed record BoardRank([property: Id(0)] string Board, [property: Id(1)] int Rank, [property: Id(2)] int Of);
