using System.Runtime.InteropServices;
using Leaderboard.Abstractions.Ingestion;

namespace Leaderboard.Grains.Ledger;

/// <summary>
/// What a ledger shard saw happen at one unit since its last flush: per activity kind, in order of first sight, how
/// many events and when the last one was applied. Counted in place; the records are made once, at the flush, which
/// empties it for the next (kept per unit for the shard's life: a busy unit is counted at every flush).
/// </summary>
internal sealed class UnitActivity(string unit)
{
    private readonly List<(string Kind, int Count, DateTimeOffset At)> _kinds = new(2);

    public string Unit => unit;

    public bool IsEmpty => _kinds.Count == 0;

    public void Count(string kind, DateTimeOffset at)
    {
        foreach (ref var k in CollectionsMarshal.AsSpan(_kinds))
        {
            if (string.Equals(k.Kind, kind, StringComparison.Ordinal))
            {
                k.Count++;
                k.At = at;
                return;
            }
        }

        _kinds.Add((kind, 1, at));
    }

    /// <summary>The counts since the last take, then forgets them.</summary>
    public ActivityCount[] TakeCounts()
    {
        var counts = new ActivityCount[_kinds.Count];
        for (var i = 0; i < counts.Length; i++)
        {
            var (kind, count, at) = _kinds[i];
            counts[i] = new ActivityCount(unit, kind, count, at);
        }

        _kinds.Clear();
        return counts;
    }
}
