namespace Leaderboard.Grains.Storage;

/// <summary>Names of the Orleans storage providers the grains use.</summary>
public static class StorageNames
{
    /// <summary>Small snapshots (ADO.NET on PostgreSQL, or memory in the embedded default).</summary>
    public const string Snapshots = "snapshots";
}
