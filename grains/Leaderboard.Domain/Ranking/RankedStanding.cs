using Leaderboard.Domain.Indicators;

namespace Leaderboard.Domain.Ranking;

/// <summary>A unit's standing with its competition rank on one board.</summary>
public sealed record RankedStanding(UnitStanding Standing, int Rank);
