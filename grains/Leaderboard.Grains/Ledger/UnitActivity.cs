using System.Runtime.InteropServices;
using Leaderboard.Abstractions.Ingestion;

namespace Leaderboard.Grains.Ledger;

/// <summary>
/// What a ledger shard saw happen at one unit since its last flush: per activity kind, in order of first sight, how
/// many events and when the last one was applied. Counted in place; the records are made once, at the flush.
/// </summary>
internal sealed class UnitActivity(string unit)
{
    private readonly List<(string Kind, int Count, DateTimeOffset At)> _kinds = new(2);

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

    public ActivityCount[] ToCounts()
    {
        var counts = new ActivityCount[_kinds.Count];
        for (var i = 0; i < counts.Length; i++)
        {
            var (kind, count, at) = _kinds[i];
            counts[i] = new ActivityCount(unit, kind, count, at);
        }

        return counts;
    }
}
