namespace Leaderboard.Tests.Storage;

[GenerateSerializer, Alias("Leaderboard.Tests.Storage.SnapshotProbeState")]
public sealed record SnapshotProbeState
{
    [Id(0)]
    public string? Value { get; init; }
}
