using Leaderboard.Domain.Indicators;

namespace Leaderboard.Domain.Ranking;

/// <summary>A unit's standing with its competition rank on one board.</summary>
/// <remarks>A struct: a board of 10,000 units is re-ranked several times a second, and its ranks are read once.</remarks>
public readonly record struct RankedStanding(UnitStanding Standing, int Rank);
