using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Leaderboard.Benchmarks.Ingest;

/// <summary>
/// Posts pre-serialised request bodies over a fixed number of HTTP/1.1 connections, each connection taking the next
/// body as soon as its previous request is answered. The client does as little as it can: no serialisation, one
/// small JSON answer parsed per request.
/// </summary>
public sealed class HttpLoad : IDisposable
{
    private readonly HttpClient _client;
    private readonly MediaTypeHeaderValue _contentType;
    private readonly AuthenticationHeaderValue _authorization;

    public HttpLoad(Uri address, string adminKey, int connections, bool ndjson)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        _client = new HttpClient(handler)
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromMinutes(2),
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        _contentType = new MediaTypeHeaderValue(ndjson ? "application/x-ndjson" : "application/json");
        _authorization = new AuthenticationHeaderValue("Bearer", adminKey);
    }

    public async Task<LoadResult> RunAsync(IReadOnlyList<Body> bodies, int connections, CancellationToken cancellationToken)
    {
        var next = -1;
        var latencies = new long[bodies.Count];
        var failures = new List<string>();
        long accepted = 0;
        long duplicates = 0;
        long rejected = 0;
        var started = Stopwatch.GetTimestamp();

        async Task WorkAsync()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Count)
            {
                var body = bodies[i];
                var sent = Stopwatch.GetTimestamp();
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/events", UriKind.Relative));
                request.Headers.Authorization = _authorization;
                request.Content = new ByteArrayContent(body.Bytes);
                request.Content.Headers.ContentType = _contentType;
                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
                var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                latencies[i] = Stopwatch.GetTimestamp() - sent;
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    lock (failures)
                    {
                        failures.Add($"request {i}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(answer)}");
                    }

                    continue;
                }

                using var document = JsonDocument.Parse(answer);
                var root = document.RootElement;
                Interlocked.Add(ref accepted, root.GetProperty("accepted").GetInt64());
                Interlocked.Add(ref duplicates, root.GetProperty("duplicates").GetInt64());
                var r = root.GetProperty("rejected");
                if (r.GetArrayLength() > 0)
                {
                    Interlocked.Add(ref rejected, r.GetArrayLength());
                    lock (failures)
                    {
                        if (failures.Count < 20)
                        {
                            failures.Add($"request {i}: rejected {r[0].GetRawText()}");
                        }
                    }
                }
            }
        }

        var workers = new Task[Math.Min(connections, bodies.Count)];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = Task.Run(WorkAsync, cancellationToken);
        }

        await Task.WhenAll(workers);
        var wall = Stopwatch.GetElapsedTime(started);
        Array.Sort(latencies);
        return new LoadResult(
            bodies.Count,
            bodies.Sum(b => b.Events),
            accepted,
            duplicates,
            rejected,
            failures,
            wall,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.99),
            latencies.Length == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(0, latencies[^1]));
    }

    public void Dispose() => _client.Dispose();

    private static TimeSpan Percentile(long[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return TimeSpan.Zero;
        }

        var rank = (int)Math.Ceiling(p * sorted.Length) - 1;
        return Stopwatch.GetElapsedTime(0, sorted[Math.Clamp(rank, 0, sorted.Length - 1)]);
    }
}
