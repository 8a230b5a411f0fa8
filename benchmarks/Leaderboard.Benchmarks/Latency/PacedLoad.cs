using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Leaderboard.Benchmarks.Ingest;

namespace Leaderboard.Benchmarks.Latency;

/// <summary>
/// Background load on a fixed schedule: request k leaves at start + k × (events per request ÷ rate), over up to
/// <c>connections</c> HTTP/1.1 connections. When every connection is busy the schedule slips; the achieved rate is
/// reported, never assumed.
/// </summary>
public sealed class PacedLoad : IDisposable
{
    private readonly HttpClient _client;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly MediaTypeHeaderValue _contentType = new("application/x-ndjson");
    private readonly List<double> _latenciesMs = [];
    private readonly List<string> _failures = [];
    private long _events;
    private long _accepted;
    private long _late;

    public PacedLoad(Uri address, string adminKey, int connections)
    {
        _client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseProxy = false, UseCookies = false })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromMinutes(2),
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        _authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        Connections = connections;
    }

    public int Connections { get; }

    public long Events => Interlocked.Read(ref _events);

    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Requests that left more than 100 ms after their slot (all connections were busy).</summary>
    public long Late => Interlocked.Read(ref _late);

    public IReadOnlyList<string> Failures => _failures;

    public IReadOnlyList<double> LatenciesMs => _latenciesMs;

    /// <summary>Sends <paramref name="bodies"/> in order on the schedule until they run out or <paramref name="until"/> passes.</summary>
    public async Task RunAsync(IReadOnlyList<Body> bodies, double eventsPerSecond, TimeSpan until, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var next = -1;
        var perRequest = bodies.Count == 0 ? 0 : bodies[0].Events / eventsPerSecond;

        async Task WorkAsync()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Count)
            {
                // Past the end nothing more is sent, even if the schedule slipped: the run stays bounded.
                var slot = TimeSpan.FromSeconds(i * perRequest);
                if (slot >= until || Stopwatch.GetElapsedTime(start) >= until)
                {
                    return;
                }

                var wait = slot - Stopwatch.GetElapsedTime(start);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken);
                }
                else if (wait < TimeSpan.FromMilliseconds(-100))
                {
                    Interlocked.Increment(ref _late);
                }

                await SendAsync(bodies[i], cancellationToken);
            }
        }

        var workers = new Task[Connections];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = Task.Run(WorkAsync, cancellationToken);
        }

        await Task.WhenAll(workers);
    }

    public void Dispose() => _client.Dispose();

    private async Task SendAsync(Body body, CancellationToken cancellationToken)
    {
        var sent = Stopwatch.GetTimestamp();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/events", UriKind.Relative));
        request.Headers.Authorization = _authorization;
        request.Content = new ByteArrayContent(body.Bytes);
        request.Content.Headers.ContentType = _contentType;
        using var response = await _client.SendAsync(request, cancellationToken);
        var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var ms = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
        Interlocked.Add(ref _events, body.Events);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            lock (_failures)
            {
                _failures.Add($"{(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(answer)}");
            }

            return;
        }

        using var document = JsonDocument.Parse(answer);
        Interlocked.Add(ref _accepted, document.RootElement.GetProperty("accepted").GetInt64());
        lock (_latenciesMs)
        {
            _latenciesMs.Add(ms);
        }
    }
}
