using System.Diagnostics;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Leaderboard.Benchmarks.Latency;

/// <summary>
/// One SignalR client on WebSockets subscribed to one board. It keeps only what the report needs: when the marker
/// unit's received-dossier count (the online-dossier denominator) first reached each value, how many pushes arrived,
/// and how many versions were skipped. The handler does no more than parse and compare.
/// </summary>
public sealed class BoardWatcher : IBoardWatcher
{
    private readonly HubConnection _connection;
    private readonly string _campaign;
    private readonly string? _markerUnit;
    private readonly MarkerSightings _sightings = new();
    private readonly Lock _lock = new();
    private long _version;
    private long _pushes;
    private long _gaps;
    private long _closed;

    public BoardWatcher(Uri address, string accessToken, string campaign, string board, string? markerUnit)
    {
        _campaign = campaign;
        Board = board;
        _markerUnit = markerUnit;
        _connection = new HubConnectionBuilder()
            .WithUrl(new Uri(address, "/hubs/leaderboard"), HttpTransportType.WebSockets, o =>
            {
                o.SkipNegotiation = true;
                o.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
            })
            .Build();
        // A node busy with the load can answer pings late; a dropped client would be a benchmark artefact.
        _connection.ServerTimeout = TimeSpan.FromMinutes(3);
        _connection.HandshakeTimeout = TimeSpan.FromMinutes(1);
        _connection.On<BoardChangedMessage>("BoardChanged", OnBoardChanged);
        _connection.Closed += _ =>
        {
            Interlocked.Increment(ref _closed);
            return Task.CompletedTask;
        };
    }

    public string Board { get; }

    public string Kind => "HubConnection";

    public long Version
    {
        get
        {
            lock (_lock)
            {
                return _version;
            }
        }
    }

    public long Pushes => Interlocked.Read(ref _pushes);

    public long Gaps => Interlocked.Read(ref _gaps);

    public bool Closed => Interlocked.Read(ref _closed) > 0;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _connection.StartAsync(cancellationToken);
        var snapshot = await _connection.InvokeAsync<BoardChangedMessage>("SubscribeBoard", _campaign, Board, cancellationToken);
        lock (_lock)
        {
            _version = Math.Max(_version, snapshot.Version);
            Observe(snapshot.Entries, Stopwatch.GetTimestamp());
        }
    }

    public long? FirstSeen(long count) => _sightings.FirstSeen(count);

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    private void OnBoardChanged(BoardChangedMessage change)
    {
        var at = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _pushes);
        lock (_lock)
        {
            if (change.Version > _version + 1 && _version > 0)
            {
                _gaps += change.Version - _version - 1;
            }

            _version = Math.Max(_version, change.Version);
            Observe(change.Entries, at);
        }
    }

    private void Observe(IReadOnlyList<EntryMessage> entries, long at)
    {
        if (_markerUnit is null)
        {
            return;
        }

        foreach (var e in entries)
        {
            if (e.Unit == _markerUnit)
            {
                _sightings.Saw(e.ReceivedDossiers, at);
            }
        }
    }
}
