using System.Runtime.CompilerServices;

namespace Leaderboard.Grains.Hosting;

/// <summary>The cluster's verdicts that a silo died, as they reach this node (not the dead rows it finds at start).</summary>
public static class SiloDeaths
{
    /// <summary>
    /// Yields once per membership update in which at least one silo that this node knew alive is now dead; each says
    /// whether it was last seen shutting down (a clean stop) or active (a crash, a lost network).
    /// </summary>
    public static async IAsyncEnumerable<IReadOnlyList<SiloExit>> ObserveAsync(
        IClusterMembershipService membership,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ClusterMembershipSnapshot? previous = null;
        await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(cancellationToken))
        {
            if (previous is not null)
            {
                var died = new List<SiloExit>();
                foreach (var (silo, member) in snapshot.Members)
                {
                    if (member.Status == SiloStatus.Dead && previous.Members.TryGetValue(silo, out var before) && before.Status != SiloStatus.Dead)
                    {
                        died.Add(new SiloExit(silo, Stopped: before.Status is SiloStatus.ShuttingDown or SiloStatus.Stopping));
                    }
                }

                if (died.Count > 0)
                {
                    yield return died;
                }
            }

            previous = snapshot;
        }
    }
}
