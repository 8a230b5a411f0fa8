using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Leaderboard.Web.Hubs;

/// <summary>
/// Which hub groups have members on this node. The bridge hears every board's and every watched unit's changes, at
/// up to ten a second each, whether or not anyone here listens; a change for a group with no member on this node is
/// not turned into a message at all. A subscriber is counted before it reads its snapshot, so anything published after
/// that read finds it counted, and anything skipped before is in the snapshot. Each group also knows its connections,
/// so a message for a few groups (a target crossing) finds its connections without walking every connection here.
/// </summary>
public sealed class HubAudience
{
    private readonly ConcurrentDictionary<string, int> _members = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HashSet<string>> _groupsOf = new(StringComparer.Ordinal);

    /// <summary>Each group's connections; taken after a connection's own set when both are (one order, no deadlock).</summary>
    private readonly Dictionary<string, HashSet<string>> _connectionsIn = new(StringComparer.Ordinal);
    private readonly Lock _connectionsGate = new();

    /// <summary>No connection on this node is in any group.</summary>
    public bool IsEmpty => _members.IsEmpty;

    public bool HasMembers(string group) => _members.TryGetValue(group, out var count) && count > 0;

    /// <summary>The connections on this node that are members of at least one of <paramref name="groups"/>, each once.</summary>
    public IReadOnlyList<string> ConnectionsIn(IReadOnlySet<string> groups)
    {
        var connections = new List<string>();
        var seen = groups.Count > 1 ? new HashSet<string>(StringComparer.Ordinal) : null;
        lock (_connectionsGate)
        {
            foreach (var group in groups)
            {
                if (!_connectionsIn.TryGetValue(group, out var members))
                {
                    continue;
                }

                foreach (var connectionId in members)
                {
                    if (seen is null || seen.Add(connectionId))
                    {
                        connections.Add(connectionId);
                    }
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

            lock (_connectionsGate)
            {
                ref var members = ref CollectionsMarshal.GetValueRefOrAddDefault(_connectionsIn, group, out _);
                (members ??= new HashSet<string>(StringComparer.Ordinal)).Add(connectionId);
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

            Forget(connectionId, group);
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
                Forget(connectionId, group);
                Decrement(group);
            }

            groups.Clear();
        }
    }

    private void Forget(string connectionId, string group)
    {
        lock (_connectionsGate)
        {
            if (_connectionsIn.TryGetValue(group, out var members) && members.Remove(connectionId) && members.Count == 0)
            {
                _connectionsIn.Remove(group);
            }
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
