using System.Text.Json;
using System.Text.Json.Nodes;
using Leaderboard.Tests.Durability;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Leaderboard.Tests.Cluster;

/// <summary>
/// A SignalR client that follows the stream's board the way a browser does: a snapshot, then every BoardChanged
/// with the next version of the same epoch; a new epoch or a gap means a new snapshot. It knows every web node's
/// address: when its connection drops it connects to the next node and takes a new snapshot there.
/// </summary>
public sealed class BoardFollower : IAsyncDisposable
{
    private static readonly TimeSpan ConnectWithin = TimeSpan.FromSeconds(30);

    private readonly IReadOnlyList<Uri> _nodes;
    private readonly Lock _lock = new();
    private readonly List<JsonElement> _buffered = [];
    private readonly CancellationTokenSource _stopping = new();
    private Dictionary<string, JsonElement> _rows = new(StringComparer.Ordinal);
    private HubConnection? _hub;
    private int _current;
    private long _epoch;
    private long _version = -1;
    private bool _snapshotting;

    private BoardFollower(IReadOnlyList<Uri> nodes, int first)
    {
        _nodes = nodes;
        _current = first;
    }

    /// <summary>The node the client is connected to now.</summary>
    public Uri Node => _nodes[Volatile.Read(ref _current)];

    /// <summary>BoardChanged messages applied on top of a snapshot.</summary>
    public int Applied { get; private set; }

    /// <summary>Snapshots taken (the first, and one per new epoch, gap or reconnection).</summary>
    public int Snapshots { get; private set; }

    /// <summary>Connections to another node after the current one went away.</summary>
    public int Failovers { get; private set; }

    public static async Task<BoardFollower> StartAsync(IReadOnlyList<Uri> nodes, int first)
    {
        var follower = new BoardFollower(nodes, first);
        await follower.ConnectAsync();
        return follower;
    }

    /// <summary>The board as this client sees it: epoch, version and entries by unit.</summary>
    public (long Epoch, long Version, Dictionary<string, JsonElement> Rows) View()
    {
        lock (_lock)
        {
            return (_epoch, _version, new Dictionary<string, JsonElement>(_rows, StringComparer.Ordinal));
        }
    }

    /// <summary>How the client's view differs from a GET of the board (empty when equal, version and entries).</summary>
    public List<string> DifferencesFrom(JsonElement board)
    {
        var (epoch, version, rows) = View();
        var diffs = new List<string>();
        if (epoch != board.GetProperty("epoch").GetInt64() || version != board.GetProperty("version").GetInt64())
        {
            diffs.Add($"client at epoch {epoch} version {version}, GET at epoch {board.GetProperty("epoch").GetInt64()} version {board.GetProperty("version").GetInt64()}");
            return diffs;
        }

        var entries = board.GetProperty("entries").EnumerateArray().ToList();
        if (entries.Count != rows.Count)
        {
            diffs.Add($"client has {rows.Count} entries, GET {entries.Count}");
        }

        foreach (var e in entries)
        {
            var unit = e.GetProperty("unit").GetString()!;
            if (!rows.TryGetValue(unit, out var mine) || !JsonNode.DeepEquals(JsonNode.Parse(e.GetRawText()), JsonNode.Parse(mine.GetRawText())))
            {
                diffs.Add($"entry {unit}: GET {e.GetRawText()} != client {(rows.TryGetValue(unit, out var m) ? m.GetRawText() : "missing")}");
            }
        }

        return diffs;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }

        _stopping.Dispose();
    }

    private async Task ConnectAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        timeout.CancelAfter(ConnectWithin);
        while (true)
        {
            var hub = new HubConnectionBuilder().WithUrl(new Uri(Node, "/hubs/leaderboard")).Build();
            hub.On<JsonElement>("BoardChanged", OnBoardChanged);
            hub.Closed += OnClosedAsync;
            try
            {
                await hub.StartAsync(timeout.Token);
                _hub = hub;
                await SnapshotAsync();
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or InvalidOperationException or HubException && !timeout.IsCancellationRequested)
            {
                // That node is not answering: try the next one.
                hub.Closed -= OnClosedAsync;
                await hub.DisposeAsync();
                Interlocked.Exchange(ref _current, (_current + 1) % _nodes.Count);
            }
        }
    }

    private async Task OnClosedAsync(Exception? error)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        Failovers++;
        Interlocked.Exchange(ref _current, (_current + 1) % _nodes.Count);
        await ConnectAsync();
    }

    private async Task SnapshotAsync()
    {
        lock (_lock)
        {
            _snapshotting = true;
            _buffered.Clear();
        }

        JsonElement snapshot;
        try
        {
            snapshot = await _hub!.InvokeAsync<JsonElement>("SubscribeBoard", CampaignStream.Campaign, CampaignStream.Board, _stopping.Token);
        }
        catch (HubException) when (!_stopping.IsCancellationRequested)
        {
            // The board's host just died and the cluster has not moved it yet ("the target silo became unavailable"):
            // as the pages do, drop what was buffered and take a snapshot at the next change, which is of the board's
            // new activation. Before, the follower stayed "snapshotting" for good and never converged.
            lock (_lock)
            {
                _snapshotting = false;
                _buffered.Clear();
                _epoch = -1;
            }

            return;
        }

        var resnapshot = false;
        lock (_lock)
        {
            _rows = snapshot.GetProperty("entries").EnumerateArray().ToDictionary(e => e.GetProperty("unit").GetString()!, e => e.Clone(), StringComparer.Ordinal);
            _epoch = snapshot.GetProperty("epoch").GetInt64();
            _version = snapshot.GetProperty("version").GetInt64();
            Snapshots++;
            _snapshotting = false;
            foreach (var change in _buffered.OrderBy(c => c.GetProperty("version").GetInt64()))
            {
                resnapshot |= !Apply(change);
            }

            _buffered.Clear();
        }

        if (resnapshot)
        {
            await SnapshotAsync();
        }
    }

    private void OnBoardChanged(JsonElement change)
    {
        bool applied;
        lock (_lock)
        {
            if (_snapshotting)
            {
                _buffered.Add(change.Clone());
                return;
            }

            applied = Apply(change);
        }

        if (!applied)
        {
            // Never invoke the hub from its own handler: the receive loop would wait on itself.
            _ = Task.Run(SnapshotAsync);
        }
    }

    /// <summary>Applies the next version of the same epoch, ignores an old one; false when a new snapshot is needed.</summary>
    private bool Apply(JsonElement change)
    {
        var epoch = change.GetProperty("epoch").GetInt64();
        var version = change.GetProperty("version").GetInt64();
        if (epoch == _epoch && version <= _version)
        {
            return true;
        }

        if (epoch != _epoch || version != _version + 1)
        {
            return false;
        }

        foreach (var entry in change.GetProperty("entries").EnumerateArray())
        {
            _rows[entry.GetProperty("unit").GetString()!] = entry.Clone();
        }

        _version = version;
        Applied++;
        return true;
    }
}
