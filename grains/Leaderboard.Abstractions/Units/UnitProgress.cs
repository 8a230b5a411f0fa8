using Leaderboard.Domain.Indicators;

namespace Leaderboard.Abstractions.Units;

/// <summary>A unit's progress in one campaign: what the unit page and <c>SubscribeUnit</c> show.</summary>
[GenerateSerializer, Immutable, Alias("lb.UnitProgress")]
public sealed record UnitProgress(
    [property: Id(0)] string Campaign,
    [property: Id(1)] string Unit,
    [property: Id(2)] long Epoch,
    [property: Id(3)] long Version,
    [property: Id(4)] DateOnly? AsOf,
    [property: Id(5)] UnitStanding Standing,
    [property: Id(6)] IReadOnlyList<BoardRank> Ranks,
    [property: Id(7)] IReadOnlyList<TrendDay> Trend,
    [property: Id(8)] IReadOnlyDictionary<string, double?> Projection);
