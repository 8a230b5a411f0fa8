using Leaderboard.Abstractions.Ingestion;

namespace Leaderboard.Grains.Boards;

/// <summary>
/// Paces a board's <c>Activity</c> messages for the ticker. Counts are coalesced per unit and kind; a round goes out
/// at once after a quiet spell and otherwise at most once per <c>interval</c>, with at most <c>perRound</c> items: the
/// largest counts first (then the latest). What is left keeps adding up and goes in a later round, so nothing is lost
/// and a busy board costs its subscribers a few messages a second instead of one per unit and kind per publication.
/// </summary>
internal sealed class ActivityPacer(TimeSpan interval, int perRound, TimeProvider time)
{
    private readonly Dictionary<(string Unit, string Kind), ActivityCount> _pending = [];
    private long _lastRound;
    private bool _started;

    public int PendingCount => _pending.Count;

    public void Add(IReadOnlyList<ActivityCount> items)
    {
        foreach (var item in items)
        {
            var key = (item.Unit, item.Kind);
            _pending[key] = _pending.TryGetValue(key, out var earlier)
                ? new ActivityCount(item.Unit, item.Kind, earlier.Count + item.Count, item.At > earlier.At ? item.At : earlier.At)
                : item;
        }
    }

    /// <summary>The items of a round if one is due now, else an empty list.</summary>
    public IReadOnlyList<ActivityCount> TakeDue()
    {
        if (_pending.Count == 0 || (_started && time.GetElapsedTime(_lastRound) < interval))
        {
            return [];
        }

        _started = true;
        _lastRound = time.GetTimestamp();
        var round = _pending.Values
            .OrderByDescending(a => a.Count)
            .ThenByDescending(a => a.At)
            .ThenBy(a => a.Unit, StringComparer.Ordinal)
            .ThenBy(a => a.Kind, StringComparer.Ordinal)
            .Take(perRound)
            .ToList();
        foreach (var item in round)
        {
            _pending.Remove((item.Unit, item.Kind));
        }

        return round;
    }

    public void Clear() => _pending.Clear();
}
