using System.Buffers.Text;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Leaderboard.Benchmarks.Latency;

/// <summary>
/// A minimal SignalR client: a <see cref="ClientWebSocket"/> speaking the JSON hub protocol to the real hub, as a
/// browser does (access token in the query, negotiation skipped, handshake <c>{"protocol":"json","version":1}</c>,
/// then <c>SubscribeBoard</c> or <c>SubscribeUnit</c> and pings). It reads frames into one reused buffer, splits the
/// records on the 0x1E separator and scans only what the measurement needs: the message kind, the
/// <c>version</c>, and the marker unit's <c>online-dossier</c> denominator (for a board, inside the entry whose
/// <c>unit</c> is the marker). Nothing else of a push is parsed or built, so a thousand of these cost the benchmark
/// process little CPU; a few full <c>HubConnection</c> clients (<see cref="BoardWatcher"/>) cross-check them.
/// </summary>
public sealed class RawHubWatcher : IBoardWatcher
{
    private const byte RecordSeparator = 0x1e;
    private static readonly byte[] Handshake = Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e");
    private static readonly byte[] Ping = Encoding.UTF8.GetBytes("{\"type\":6}\u001e");

    private readonly ClientWebSocket _socket = new();
    private readonly Uri _uri;
    private readonly byte[] _subscribe;
    private readonly byte[] _target;
    private readonly byte[]? _unitNeedle;
    private readonly bool _scanEntries;
    private readonly MarkerSightings _sightings = new();
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _handshaken = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _sending = new(1, 1);
    private byte[] _buffer = new byte[16 * 1024];
    private int _filled;
    private bool _handshakeDone;
    private Task? _receiving;
    private long _version;
    private long _pushes;
    private long _pushBytes;
    private long _records;
    private long _recordBytes;
    private long _gaps;
    private long _closed;
    private volatile bool _disposing;

    private RawHubWatcher(Uri address, string accessToken, string method, string campaign, string subject, string target, string? markerUnit, bool scanEntries, string board)
    {
        var hub = new UriBuilder(new Uri(address, "/hubs/leaderboard"))
        {
            Scheme = address.Scheme == "https" ? "wss" : "ws",
            Query = "access_token=" + Uri.EscapeDataString(accessToken),
        };
        _uri = hub.Uri;
        _subscribe = Encoding.UTF8.GetBytes(
            "{\"type\":1,\"invocationId\":\"1\",\"target\":" + JsonSerializer.Serialize(method) +
            ",\"arguments\":[" + JsonSerializer.Serialize(campaign) + "," + JsonSerializer.Serialize(subject) + "]}\u001e");
        _target = Encoding.UTF8.GetBytes("\"target\":" + JsonSerializer.Serialize(target));
        _scanEntries = scanEntries;
        _unitNeedle = markerUnit is null ? null : Encoding.UTF8.GetBytes("\"unit\":" + JsonSerializer.Serialize(markerUnit));
        Board = board;
    }

    public string Board { get; }

    public string Kind => _scanEntries ? "raw" : "raw unit";

    public long Pushes => Interlocked.Read(ref _pushes);

    /// <summary>Every record received after the handshake (pushes of any kind, pings, completions) and their bytes.</summary>
    public (long Records, long Bytes) AllReceived => (Interlocked.Read(ref _records), Interlocked.Read(ref _recordBytes));

    /// <summary>Bytes of pushes received (records of the subscribed target only).</summary>
    public long PushBytes => Interlocked.Read(ref _pushBytes);

    public long Gaps => Interlocked.Read(ref _gaps);

    public bool Closed => Interlocked.Read(ref _closed) > 0;

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

    /// <summary>A client of <c>BoardChanged</c> on <paramref name="board"/>, watching <paramref name="markerUnit"/>'s entry.</summary>
    public static RawHubWatcher ForBoard(Uri address, string accessToken, string campaign, string board, string? markerUnit) =>
        new(address, accessToken, "SubscribeBoard", campaign, board, "BoardChanged", markerUnit, scanEntries: true, board);

    /// <summary>A client of <c>UnitChanged</c> on <paramref name="unit"/> (a unit page); <see cref="Board"/> is the unit's board.</summary>
    public static RawHubWatcher ForUnit(Uri address, string accessToken, string campaign, string unit, string board) =>
        new(address, accessToken, "SubscribeUnit", campaign, unit, "UnitChanged", unit, scanEntries: false, board);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _socket.ConnectAsync(_uri, cancellationToken);
        _receiving = ReceiveAsync();
        await SendAsync(Handshake, cancellationToken);
        await _handshaken.Task.WaitAsync(cancellationToken);
        await SendAsync(_subscribe, cancellationToken);
        await _subscribed.Task.WaitAsync(cancellationToken);
    }

    /// <summary>A hub ping, so the node does not time the client out (it expects one within 30 s).</summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                await SendAsync(Ping, cancellationToken);
            }
            catch (WebSocketException)
            {
                // Counted as closed by the receive loop.
            }
        }
    }

    public long? FirstSeen(long count) => _sightings.FirstSeen(count);

    public async ValueTask DisposeAsync()
    {
        _disposing = true;
        _socket.Abort();
        if (_receiving is { } receiving)
        {
            await receiving;
        }

        _socket.Dispose();
        _sending.Dispose();
    }

    private async Task SendAsync(byte[] message, CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sending.Release();
        }
    }

    private async Task ReceiveAsync()
    {
        await Task.Yield();
        try
        {
            while (true)
            {
                if (_filled == _buffer.Length)
                {
                    Array.Resize(ref _buffer, _buffer.Length * 2);
                }

                var result = await _socket.ReceiveAsync(_buffer.AsMemory(_filled), CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                var at = Stopwatch.GetTimestamp();
                var scanFrom = _filled;
                _filled += result.Count;
                var start = 0;
                while (true)
                {
                    var index = Array.IndexOf(_buffer, RecordSeparator, scanFrom, _filled - scanFrom);
                    if (index < 0)
                    {
                        break;
                    }

                    OnRecord(_buffer.AsSpan(start, index - start), at);
                    start = index + 1;
                    scanFrom = start;
                }

                if (start > 0)
                {
                    Buffer.BlockCopy(_buffer, start, _buffer, 0, _filled - start);
                    _filled -= start;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Closed below.
        }
        catch (Exception ex)
        {
            _subscribed.TrySetException(ex);
            _handshaken.TrySetException(ex);
        }

        if (!_disposing)
        {
            Interlocked.Increment(ref _closed);
        }

        var closed = new WebSocketException("the hub closed the connection");
        _handshaken.TrySetException(closed);
        _subscribed.TrySetException(closed);
    }

    private void OnRecord(ReadOnlySpan<byte> record, long at)
    {
        if (!_handshakeDone)
        {
            // The handshake answer: {} or {"error":"..."}.
            _handshakeDone = true;
            if (record.IndexOf("\"error\""u8) >= 0)
            {
                _handshaken.TrySetException(new InvalidOperationException("handshake refused: " + Encoding.UTF8.GetString(record)));
            }
            else
            {
                _handshaken.TrySetResult();
            }

            return;
        }

        Interlocked.Increment(ref _records);
        Interlocked.Add(ref _recordBytes, record.Length);
        var head = record[..Math.Min(record.Length, 160)];
        var typeAt = head.IndexOf("\"type\":"u8);
        if (typeAt < 0 || typeAt + 7 >= head.Length)
        {
            return;
        }

        switch (head[typeAt + 7])
        {
            case (byte)'1' when head.IndexOf(_target) >= 0:
                Interlocked.Increment(ref _pushes);
                Interlocked.Add(ref _pushBytes, record.Length);
                Observe(record, at, push: true);
                break;
            case (byte)'3':
                // The completion of the subscription: its result is the snapshot (or an error).
                if (head.IndexOf("\"error\":"u8) >= 0 && record.IndexOf("\"result\":"u8) < 0)
                {
                    _subscribed.TrySetException(new InvalidOperationException("subscription refused: " + Encoding.UTF8.GetString(record)));
                    return;
                }

                Observe(record, at, push: false);
                _subscribed.TrySetResult();
                break;
            case (byte)'7':
                // Close.
                return;
        }
    }

    private void Observe(ReadOnlySpan<byte> record, long at, bool push)
    {
        var version = NumberAfter(record, "\"version\":"u8);
        var count = Count(record);
        lock (_lock)
        {
            if (version is { } v)
            {
                if (push && v > _version + 1 && _version > 0)
                {
                    _gaps += v - _version - 1;
                }

                _version = Math.Max(_version, v);
            }

            if (count is { } c)
            {
                _sightings.Saw(c, at);
            }
        }
    }

    /// <summary>The marker unit's online-dossier denominator in this record, if it is there.</summary>
    private long? Count(ReadOnlySpan<byte> record)
    {
        if (_unitNeedle is null)
        {
            return null;
        }

        var region = record;
        if (_scanEntries)
        {
            // The marker's entry runs from its "unit" to the next entry's "unit" (or the end).
            var at = record.IndexOf(_unitNeedle);
            if (at < 0)
            {
                return null;
            }

            region = record[(at + _unitNeedle.Length)..];
            var next = region.IndexOf("\"unit\":"u8);
            if (next >= 0)
            {
                region = region[..next];
            }
        }

        var indicator = region.IndexOf("\"online-dossier\":"u8);
        return indicator < 0 ? null : NumberAfter(region[indicator..], "\"denominator\":"u8);
    }

    private static long? NumberAfter(ReadOnlySpan<byte> text, ReadOnlySpan<byte> name)
    {
        var at = text.IndexOf(name);
        if (at < 0)
        {
            return null;
        }

        return Utf8Parser.TryParse(text[(at + name.Length)..], out long value, out _) ? value : null;
    }
}
