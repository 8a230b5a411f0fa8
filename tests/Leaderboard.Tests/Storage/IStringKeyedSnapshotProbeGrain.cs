namespace Leaderboard.Tests.Storage;

/// <summary>The same probe with a string key: the provider passes it as the key extension.</summary>
[Alias("Leaderboard.Tests.Storage.IStringKeyedSnapshotProbeGrain")]
public interface IStringKeyedSnapshotProbeGrain : IGrainWithStringKey
{
    [Alias("Write")]
    Task Write(string value);

    [Alias("Read")]
    Task<SnapshotProbeView> Read();

    [Alias("Deactivate")]
    Task Deactivate();
}
