using Leaderboard.Domain.Counting;

namespace Leaderboard.Abstractions.Units;

/// <summary>Cumulative counts of one campaign day, for the trend chart.</summary>
[GenerateSerializer, Immutable, Alias("lb.TrendDay")]
public sealed record TrendDay([property: Id(0)] DateOnly Day, [property: Id(1)] WindowCounts Counts);
