using System.Collections.Concurrent;

namespace Leaderboard.Web.Hubs;

/// <summary>
/// The target crossings a node sent lately, so that the same crossing arriving by another path (the unit, each of its
/// boards) is not sent again. Safe for concurrent callers.
/// </summary>
/// <remarks>
/// A crossing is remembered for <see cref="Memory"/> at least, and forgotten at the first sweep after that. Sweeps run
/// at most once per <see cref="SweepEvery"/>: sweeping at every new crossing walked the whole memory each time, which is
/// quadratic in the crossings of a minute; under a bulk import that was 1.6 % of the node's samples in the ingest
/// benchmark, the largest single method.
/// </remarks>
public sealed class RecentCrossings
{
    /// <summary>How long a crossing is remembered at least: its paths arrive within a publication or two.</summary>
    public static readonly TimeSpan Memory = TimeSpan.FromMinutes(1);

    /// <summary>The least time between two sweeps of what is older than <see cref="Memory"/>.</summary>
    public static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<(string Campaign, string Unit, string Indicator, DateTimeOffset At), DateTimeOffset> _sent = new();
    private long _lastSweepTicks = DateTimeOffset.MinValue.UtcTicks;

    /// <summary>Crossings remembered now (swept ones excluded).</summary>
    public int Count => _sent.Count;

    /// <summary>True the first time this crossing is offered within its memory: the caller sends it.</summary>
    public bool TryRemember(string campaign, string unit, string indicator, DateTimeOffset at, DateTimeOffset now)
    {
        if (!_sent.TryAdd((campaign, unit, indicator, at), now))
        {
            return false;
        }

        var last = Interlocked.Read(ref _lastSweepTicks);
        if (now.UtcTicks - last >= SweepEvery.Ticks && Interlocked.CompareExchange(ref _lastSweepTicks, now.UtcTicks, last) == last)
        {
            foreach (var (key, sent) in _sent)
            {
                if (now - sent > Memory)
                {
                    _sent.TryRemove(key, out _);
                }
            }
        }

        return true;
    }
}
