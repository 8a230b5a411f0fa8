using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Leaderboard.Tests.Durability;

namespace Leaderboard.Tests.Cluster;

/// <summary>
/// Posts batches with a few parallel senders, round robin over the web nodes given, and records every answer. A fault
/// action runs once, as soon as enough batches are acknowledged while another request is in flight; unlike
/// <see cref="BatchPoster"/> the senders go on with the stream while the fault lasts (their batches may fail and are
/// re-sent afterwards by <see cref="ResendUntilAcknowledgedAsync"/>). A request that gets no answer (its node died) is
/// recorded with status 0.
/// </summary>
public sealed class StreamSender
{
    private static readonly Uri Events = new("/api/v1/events", UriKind.Relative);

    private readonly IReadOnlyList<HttpClient> _nodes;
    private readonly ConcurrentDictionary<int, JsonElement> _acknowledged = new();
    private readonly ConcurrentQueue<SentAnswer> _answers = new();
    private readonly Lock _lock = new();
    private int _inFlight;
    private int _sent;
    private bool _faulted;

    public StreamSender(IReadOnlyList<HttpClient> nodes)
    {
        _nodes = nodes;
    }

    /// <summary>The 200 answers, by batch index (the latest one when a batch was sent more than once).</summary>
    public IReadOnlyDictionary<int, JsonElement> Acknowledged => _acknowledged;

    /// <summary>Every answer, in arrival order.</summary>
    public IReadOnlyCollection<SentAnswer> Answers => _answers;

    /// <summary>The slowest answers, for the test's log: how long a request met by the fault waited.</summary>
    public string Slowest(int count) => string.Join(", ", _answers.OrderByDescending(a => a.Took).Take(count).Select(a => $"{a.Took.TotalSeconds:F1} s ({a.Status})"));

    /// <summary>Whether the fault action ran.</summary>
    public bool Faulted => _faulted;

    /// <summary>Sends each batch once; runs <paramref name="fault"/> once after <paramref name="faultAfterAcknowledged"/> acknowledgements.</summary>
    public async Task SendAsync(IEnumerable<StreamBatch> batches, int parallelism, int faultAfterAcknowledged = int.MaxValue, Action? fault = null)
    {
        var queue = new ConcurrentQueue<StreamBatch>(batches);
        await Task.WhenAll(Enumerable.Range(0, parallelism).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var batch))
            {
                if (await PostAsync(batch))
                {
                    MaybeFault(faultAfterAcknowledged, fault);
                }
            }
        })));
    }

    /// <summary>Re-sends every batch of <paramref name="batches"/> that has no 200 answer yet, in rounds, until all have one (bounded).</summary>
    public async Task ResendUntilAcknowledgedAsync(IReadOnlyList<StreamBatch> batches, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var missing = batches.Where(b => !_acknowledged.ContainsKey(b.Index)).ToList();
            if (missing.Count == 0)
            {
                return;
            }

            if (clock.Elapsed > within)
            {
                var last = _answers.Where(a => a.Status != 200).TakeLast(3).Select(a => $"batch {a.Batch}: {a.Status} {a.Body}");
                throw new TimeoutException($"{missing.Count} batches still not acknowledged after {within.TotalSeconds:F0} s; last failures: {string.Join(" | ", last)}");
            }

            await SendAsync(missing, parallelism: 4);
        }
    }

    /// <summary>Posts one batch; true when it was acknowledged.</summary>
    private async Task<bool> PostAsync(StreamBatch batch)
    {
        var node = _nodes[Interlocked.Increment(ref _sent) % _nodes.Count];
        Interlocked.Increment(ref _inFlight);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var content = new StringContent(batch.Body, Encoding.UTF8, "application/json");
            using var response = await node.PostAsync(Events, content);
            var body = await response.Content.ReadAsStringAsync();
            _answers.Enqueue(new SentAnswer(batch.Index, (int)response.StatusCode, response.Headers.RetryAfter is not null, body[..Math.Min(300, body.Length)])
            {
                Took = Stopwatch.GetElapsedTime(started),
            });
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }

            using var answer = JsonDocument.Parse(body);
            _acknowledged[batch.Index] = answer.RootElement.Clone();
            return true;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            _answers.Enqueue(new SentAnswer(batch.Index, 0, false, ex.Message) { Took = Stopwatch.GetElapsedTime(started) });
            return false;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private void MaybeFault(int after, Action? fault)
    {
        if (fault is null)
        {
            return;
        }

        lock (_lock)
        {
            if (_faulted || _acknowledged.Count < after || Volatile.Read(ref _inFlight) < 1)
            {
                return;
            }

            _faulted = true;
        }

        fault();
    }
}
