namespace Leaderboard.Abstractions.Units;

/// <summary>A live event lifted a unit across a target (never sent for a replay or a reactivation).</summary>
[GenerateSerializer, Immutable, Alias("lb.TargetReached")]
public sealed record TargetReached(
    [property: Id(0)] string Campaign,
    [property: Id(1)] string Unit,
    [property: Id(2)] string Indicator,
    [property: Id(3)] double Value,
    [property: Id(4)] decimal Target,
    [property: Id(5)] DateTimeOffset At);
