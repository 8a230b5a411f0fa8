namespace Leaderboard.Grains.Hosting;

/// <summary>
/// How a node joins the cluster (section <c>Leaderboard:Cluster</c>). With PostgreSQL every web node and headless
/// silo that shares <see cref="ClusterId"/> on one database forms one Orleans cluster (ADO.NET clustering, tables of
/// migration 0005); embedded mode is a single localhost silo. docs/cluster.md explains the choices.
/// </summary>
public sealed class ClusterSettings
{
    public const string Section = "Leaderboard:Cluster";

    /// <summary>The cluster that nodes on this database join (default "leaderboard"). Nodes with another id on the same database form another cluster.</summary>
    public string ClusterId { get; set; } = "leaderboard";

    /// <summary>
    /// Identifies the service's stored grain state (the shards' snapshots) across deployments (default "leaderboard").
    /// Changing it orphans existing snapshots: shards then rebuild from the journal alone.
    /// </summary>
    public string ServiceId { get; set; } = "leaderboard";

    /// <summary>The silo-to-silo port (default 0: a free port picked at start). Fixed ports are for firewalls and containers.</summary>
    public int SiloPort { get; set; }

    /// <summary>The gateway port for Orleans clients (default 0: a free port picked at start).</summary>
    public int GatewayPort { get; set; }

    /// <summary>The address other silos reach this one at (default 127.0.0.1: one machine). Set the host's own address on a real network.</summary>
    public string AdvertisedIPAddress { get; set; } = "127.0.0.1";

    /// <summary>Failure detection (see <see cref="MembershipSettings"/>).</summary>
    public MembershipSettings Membership { get; set; } = new();
}
