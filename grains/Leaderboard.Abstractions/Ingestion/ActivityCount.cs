namespace Leaderboard.Abstractions.Ingestion;

/// <summary>
/// How many accepted events of one kind named one unit: the coalesced unit of the activity ticker. A struct: shards
/// make one per unit and kind at every flush.
/// </summary>
[GenerateSerializer, Immutable, Alias("lb.ActivityCount")]
public readonly record struct ActivityCount(
    [property: Id(0)] string Unit,
    [property: Id(1)] string Kind,
    [property: Id(2)] int Count,
    [property: Id(3)] DateTimeOffset At);
