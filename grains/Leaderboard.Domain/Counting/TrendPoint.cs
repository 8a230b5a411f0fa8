namespace Leaderboard.Domain.Counting;

/// <summary>The counts of a window from its first day up to and including <see cref="Day"/>.</summary>
public sealed record TrendPoint(DateOnly Day, WindowCounts Counts);
