namespace Leaderboard.Benchmarks.Latency;

/// <summary>
/// When one client first saw its board's marker unit at each received-dossier count: the counts only rise, so a
/// count is kept only when it is above the last one. Thread-safe.
/// </summary>
public sealed class MarkerSightings
{
    private readonly List<(long Count, long At)> _seen = [];
    private readonly Lock _lock = new();

    /// <summary>Records that the marker showed <paramref name="count"/> at the timestamp <paramref name="at"/>.</summary>
    public void Saw(long count, long at)
    {
        lock (_lock)
        {
            if (_seen.Count == 0 || count > _seen[^1].Count)
            {
                _seen.Add((count, at));
            }
        }
    }

    /// <summary>The first moment the marker showed <paramref name="count"/> or more, or null.</summary>
    public long? FirstSeen(long count)
    {
        lock (_lock)
        {
            foreach (var (c, at) in _seen)
            {
                if (c >= count)
                {
                    return at;
                }
            }

            return null;
        }
    }
}
