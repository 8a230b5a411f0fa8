namespace Leaderboard.Tests.Storage;

/// <summary>A grain whose only job is to exercise the ADO.NET grain storage queries.</summary>
[Alias("Leaderboard.Tests.Storage.ISnapshotProbeGrain")]
public interface ISnapshotProbeGrain : IGrainWithIntegerKey
{
    [Alias("Write")]
    Task Write(string value);

    [Alias("Read")]
    Task<SnapshotProbeView> Read();

    [Alias("Clear")]
    Task Clear();

    [Alias("Deactivate")]
    Task Deactivate();
}
