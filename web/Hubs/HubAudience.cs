using System.Collections.Concurrent;

namespace Leaderboard.Web.Hubs;

/// <summary>
/// Which hub groups have members on this node. The bridge hears every board's and every watched unit's changes, at
/// up to ten a second each, whether or not anyone here listens; a change for a group with no member on this node is
/// not turned into a message at all. A subscriber is counted before it reads its snapshot, so anything published after
/// that read finds it counted, and anything skipped before is in the snapshot.
/// </summary>
public sealed class HubAudience
{
    private readonly ConcurrentDictionary<string, int> _members = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HashSet<string>> _groupsOf = new(StringComparer.Ordinal);

    public bool HasMembers(string group) => _members.TryGetValue(group, out var count) && count > 0;

    /// <summary>The connections on this node that are members of at least one of <paramref name="groups"/>, each once.</summary>
    public IReadOnlyList<string> ConnectionsIn(IReadOnlySet<string> groups)
    {
        var connections = new List<string>();
        foreach (var (connectionId, joined) in _groupsOf)
        {
            lock (joined)
            {
                if (joined.Overlaps(groups))
                {
                    connections.Add(connectionId);
                }
            }
        }

        return connections;
    }

    public void Join(string connectionId, string group)
    {
        var groups = _groupsOf.GetOrAdd(connectionId, static _ => new HashSet<string>(StringComparer.Ordinal));
        lock (groups)
        {
            if (!groups.Add(group))
            {
                return;
            }
        }

        _members.AddOrUpdate(group, 1, static (_, count) => count + 1);
    }

    public void Leave(string connectionId, string group)
    {
        if (!_groupsOf.TryGetValue(connectionId, out var groups))
        {
            return;
        }

        lock (groups)
        {
            if (!groups.Remove(group))
            {
                return;
            }
        }

        Decrement(group);
    }

    public void Disconnected(string connectionId)
    {
        if (!_groupsOf.TryRemove(connectionId, out var groups))
        {
            return;
        }

        lock (groups)
        {
            foreach (var group in groups)
            {
                Decrement(group);
            }

            groups.Clear();
        }
    }

    private void Decrement(string group)
    {
        var left = _members.AddOrUpdate(group, 0, static (_, count) => count - 1);
        if (left <= 0)
        {
            // Removed only while still zero: a Join in between keeps its count.
            _members.TryRemove(KeyValuePair.Create(group, 0));
        }
    }
}
