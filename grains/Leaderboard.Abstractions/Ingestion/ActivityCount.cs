namespace Leaderboard.Abstractions.Ingestion;

/// <summary>How many accepted events of one kind named one unit: the coalesced unit of the activity ticker.</summary>
[GenerateSerializer, Immutable, Alias("lb.ActivityCount")]
public sealed record ActivityCount(
    [property: Id(0)] string Unit,
    [property: Id(1)] string Kind,
    [property: Id(2)] int Count,
    [property: Id(3)] DateTimeOffset At);
