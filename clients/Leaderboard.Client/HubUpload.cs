using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;

namespace Leaderboard.Client;

/// <summary>
/// One <see cref="LeaderboardClient.StreamAsync"/> call: the caller's events flow through a window of at most
/// <see cref="LeaderboardClientOptions.MaxInFlight"/> unacknowledged events, each connection ("session") first resends
/// that window, and each acknowledgement retires as many events from its head as it covers (the server acknowledges
/// in order, one answer per group, accepted + duplicates + rejected = the group's size).
/// </summary>
internal sealed partial class HubUpload(LeaderboardClientOptions options, ILogger logger)
{
    private const string Method = "UploadEvents";

    private readonly Lock _gate = new();
    private readonly Queue<EventBody> _unacknowledged = new();
    private readonly Channel<EventBody> _fresh = Channel.CreateUnbounded<EventBody>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly SemaphoreSlim _window = new(options.MaxInFlight, options.MaxInFlight);
    private long _acknowledged;
    private Exception? _sourceError;

    public async IAsyncEnumerable<IngestionAnswer> RunAsync(IAsyncEnumerable<EventBody> events, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pump = PumpAsync(events, stop.Token);
        try
        {
            var failures = 0;
            while (true)
            {
                Exception? failure = null;
                var hub = Connect();
                await using (hub)
                {
                    using var session = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    IAsyncEnumerator<IngestionAnswer>? acks = null;
                    long first;
                    lock (_gate)
                    {
                        first = _acknowledged;
                    }

                    try
                    {
                        await hub.StartAsync(session.Token);
                        acks = hub.StreamAsync<IngestionAnswer>(Method, SendAsync(session.Token), session.Token).GetAsyncEnumerator(session.Token);
                    }
                    catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                    {
                        failure = ex;
                    }

                    if (acks is not null)
                    {
                        try
                        {
                            while (true)
                            {
                                bool more;
                                try
                                {
                                    more = await acks.MoveNextAsync();
                                }
                                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                                {
                                    failure = ex;
                                    break;
                                }

                                if (!more)
                                {
                                    break;
                                }

                                failures = 0;
                                yield return Retire(acks.Current, first);
                            }
                        }
                        finally
                        {
                            await session.CancelAsync();
                            await acks.DisposeAsync();
                        }
                    }
                }

                if (_sourceError is { } sourceError)
                {
                    ExceptionDispatchInfo.Throw(sourceError);
                }

                if (StatusOf(failure) is { } refused and not 503)
                {
                    throw new LeaderboardClientException(HubMessage(failure!), refused, failure);
                }

                int pending;
                lock (_gate)
                {
                    pending = _unacknowledged.Count;
                }

                if (failure is null && pending == 0 && _fresh.Reader.Completion.IsCompleted)
                {
                    yield break;
                }

                failures++;
                if (failures > options.MaxRetries)
                {
                    throw new LeaderboardClientException(
                        $"Luồng gửi sự kiện bị gián đoạn {failures} lần liên tiếp; {pending} sự kiện chưa được xác nhận.", null, failure);
                }

                var delay = Backoff.Delay(failures - 1, options.InitialBackoff, options.MaxBackoff);
                LogReconnect(logger, failure, pending, failures, delay);
                options.OnRetry?.Invoke(new RetryNotice(failures, delay, StatusOf(failure), failure));
                await Task.Delay(delay, options.Time, cancellationToken);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await pump;
        }
    }

    private HubConnection Connect()
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(options.BaseAddress, options.HubPath.TrimStart('/')), o =>
            {
                options.ConfigureHub?.Invoke(o);
                o.AccessTokenProvider = () => Task.FromResult(options.Key);
            })
            .Build();
        hub.ServerTimeout = options.HubServerTimeout;
        hub.KeepAliveInterval = options.HubServerTimeout / 2;
        return hub;
    }

    /// <summary>What one session sends: first the events still unacknowledged, then fresh ones as they come.</summary>
    private async IAsyncEnumerable<EventBody> SendAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        EventBody[] again;
        lock (_gate)
        {
            again = [.. _unacknowledged];
        }

        foreach (var e in again)
        {
            yield return e;
        }

        while (await _fresh.Reader.WaitToReadAsync(cancellationToken))
        {
            EventBody? next;
            lock (_gate)
            {
                // Taken and recorded at once: an event is either still fresh or in the window, never lost between.
                if (!_fresh.Reader.TryRead(out next))
                {
                    continue;
                }

                _unacknowledged.Enqueue(next);
            }

            yield return next;
        }
    }

    /// <summary>Retires the events an acknowledgement covers and restates its indexes from the start of the upload.</summary>
    private IngestionAnswer Retire(IngestionAnswer ack, long first)
    {
        var covered = ack.Count;
        lock (_gate)
        {
            for (var i = 0; i < covered && _unacknowledged.Count > 0; i++)
            {
                _unacknowledged.Dequeue();
            }

            _acknowledged += covered;
        }

        if (covered > 0)
        {
            _window.Release(covered);
        }

        return first == 0 ? ack : ack with { Rejected = [.. ack.Rejected.Select(r => r with { Index = r.Index + first })] };
    }

    private async Task PumpAsync(IAsyncEnumerable<EventBody> events, CancellationToken cancellationToken)
    {
        try
        {
            await using var source = events.GetAsyncEnumerator(cancellationToken);
            while (true)
            {
                await _window.WaitAsync(cancellationToken);
                if (!await source.MoveNextAsync())
                {
                    break;
                }

                await _fresh.Writer.WriteAsync(source.Current, cancellationToken);
            }

            _fresh.Writer.TryComplete();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _fresh.Writer.TryComplete();
        }
        catch (Exception ex)
        {
            // The caller's own sequence failed: not a network problem, so it ends the upload instead of a reconnect.
            _sourceError = ex;
            _fresh.Writer.TryComplete();
        }
    }

    /// <summary>The status a hub upload failed with (401, 403, 503), or null for a dropped connection.</summary>
    private static int? StatusOf(Exception? exception)
    {
        if (exception is not HubException)
        {
            return null;
        }

        // The hub's messages start with the HTTP status an HTTP upload would have answered ("401: …").
        var message = HubMessage(exception);
        return message.Length > 4 && message[3] == ':'
            && int.TryParse(message.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var status)
            ? status
            : null;
    }

    /// <summary>The server's own message, without the words SignalR puts before it.</summary>
    private static string HubMessage(Exception exception)
    {
        const string Marker = "HubException: ";
        var message = exception.Message;
        var at = message.LastIndexOf(Marker, StringComparison.Ordinal);
        return at < 0 ? message : message[(at + Marker.Length)..];
    }
}
