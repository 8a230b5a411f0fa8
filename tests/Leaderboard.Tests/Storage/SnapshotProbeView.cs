namespace Leaderboard.Tests.Storage;

/// <summary>What the probe's activation loaded: the value, whether a record exists, and the storage version.</summary>
[GenerateSerializer, Immutable, Alias("Leaderboard.Tests.Storage.SnapshotProbeView")]
public sealed record SnapshotProbeView(
    [property: Id(0)] string? Value,
    [property: Id(1)] bool RecordExists,
    [property: Id(2)] string? ETag);
