namespace Leaderboard.Grains.Hosting;

/// <summary>
/// Failure detection of the cluster (section <c>Leaderboard:Cluster:Membership</c>), mapped onto Orleans'
/// <c>ClusterMembershipOptions</c>. The defaults detect a node killed with SIGKILL within a few seconds on one
/// machine or a LAN; docs/cluster.md says why they do not declare a busy node dead and what to raise on a busy
/// production cluster.
/// </summary>
public sealed class MembershipSettings
{
    /// <summary>Initial timeout of a liveness probe (default 2 s). Orleans adapts it per peer between half and four times this.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Missed probes in a row before a silo suspects a peer and votes (default 3).</summary>
    public int MissedProbesLimit { get; set; } = 3;

    /// <summary>Votes needed to declare a silo dead (default 2; Orleans needs fewer while the cluster has fewer live silos).</summary>
    public int VotesForDeathDeclaration { get; set; } = 2;

    /// <summary>How long a vote counts (default 2 minutes).</summary>
    public TimeSpan DeathVoteExpiration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How often a silo writes its heartbeat row (default 3 s). Decides no death by itself, but a starting node does
    /// not wait to reach a silo whose row missed <see cref="MissedIAmAliveLimit"/> heartbeats: a node restarted after a
    /// crash (SIGKILL, power loss) joins once its old row is that stale, 6 s with the defaults, and then votes it dead.
    /// </summary>
    public TimeSpan IAmAlivePeriod { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Heartbeats a silo's row may miss before a starting node stops waiting to reach it (default 2).</summary>
    public int MissedIAmAliveLimit { get; set; } = 2;

    /// <summary>How often a silo re-reads the whole membership table besides gossip (default 10 s).</summary>
    public TimeSpan TableRefreshPeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often rows of dead silos are cleaned up (default 1 hour).</summary>
    public TimeSpan DefunctSiloCleanupPeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Rows of dead silos older than this are removed (default 1 day).</summary>
    public TimeSpan DefunctSiloExpiration { get; set; } = TimeSpan.FromDays(1);
}
