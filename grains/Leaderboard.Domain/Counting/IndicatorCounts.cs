namespace Leaderboard.Domain.Counting;

/// <summary>Numerator and denominator of one indicator over a window.</summary>
public readonly record struct IndicatorCounts(long Numerator, long Denominator);
