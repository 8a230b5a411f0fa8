using Leaderboard.Domain.Indicators;

namespace Leaderboard.Abstractions.Units;

/// <summary>A unit's new numbers in one campaign, pushed to the unit's subscribers.</summary>
[GenerateSerializer, Immutable, Alias("lb.UnitChange")]
public sealed record UnitChange(
    [property: Id(0)] string Campaign,
    [property: Id(1)] string Unit,
    [property: Id(2)] long Epoch,
    [property: Id(3)] long Version,
    [property: Id(4)] UnitStanding Standing,
    [property: Id(5)] IReadOnlyList<BoardRank> Ranks);
