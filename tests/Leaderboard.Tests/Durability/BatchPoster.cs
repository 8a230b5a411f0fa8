using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Leaderboard.Tests.Durability;

/// <summary>
/// Posts batches with a few parallel senders and records which got a 200 answer (acknowledged) and which did not.
/// With a kill action, the node is killed as soon as enough batches are acknowledged while at least one other
/// request is in flight; after that nothing new is sent.
/// </summary>
public sealed class BatchPoster
{
    private static readonly Uri Events = new("/api/v1/events", UriKind.Relative);

    private readonly HttpClient _client;
    private readonly int _killAfter;
    private readonly Action? _kill;
    private readonly Lock _lock = new();
    private readonly ConcurrentDictionary<int, JsonElement> _acknowledged = new();
    private readonly ConcurrentDictionary<int, string> _failed = new();
    private int _inFlight;
    private volatile bool _killed;

    private BatchPoster(HttpClient client, int killAfter, Action? kill)
    {
        _client = client;
        _killAfter = killAfter;
        _kill = kill;
    }

    /// <summary>The 200 answers, by batch index.</summary>
    public IReadOnlyDictionary<int, JsonElement> Acknowledged => _acknowledged;

    /// <summary>Batches that were sent and got no 200 answer, with what happened instead.</summary>
    public IReadOnlyDictionary<int, string> Failed => _failed;

    public bool Killed => _killed;

    /// <summary>Requests other than the one just acknowledged that were in flight when the kill was sent.</summary>
    public int InFlightAtKill { get; private set; }

    public static async Task<BatchPoster> PostAsync(HttpClient client, IEnumerable<StreamBatch> batches, int parallelism, int killAfterAcknowledged = int.MaxValue, Action? kill = null)
    {
        var poster = new BatchPoster(client, killAfterAcknowledged, kill);
        var queue = new ConcurrentQueue<StreamBatch>(batches);
        await Task.WhenAll(Enumerable.Range(0, parallelism).Select(_ => Task.Run(() => poster.SendAsync(queue))));
        return poster;
    }

    private async Task SendAsync(ConcurrentQueue<StreamBatch> queue)
    {
        while (!_killed && queue.TryDequeue(out var batch))
        {
            var acknowledged = false;
            Interlocked.Increment(ref _inFlight);
            try
            {
                using var content = new StringContent(batch.Body, Encoding.UTF8, "application/json");
                using var response = await _client.PostAsync(Events, content);
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    using var answer = JsonDocument.Parse(body);
                    _acknowledged[batch.Index] = answer.RootElement.Clone();
                    acknowledged = true;
                }
                else
                {
                    _failed[batch.Index] = $"{(int)response.StatusCode}: {body[..Math.Min(300, body.Length)]}";
                }
            }
            catch (HttpRequestException ex)
            {
                _failed[batch.Index] = ex.Message;
            }
            catch (TaskCanceledException ex)
            {
                _failed[batch.Index] = ex.Message;
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }

            if (acknowledged)
            {
                MaybeKill();
            }
        }
    }

    private void MaybeKill()
    {
        if (_kill is null)
        {
            return;
        }

        lock (_lock)
        {
            var inFlight = Volatile.Read(ref _inFlight);
            if (_killed || _acknowledged.Count < _killAfter || inFlight < 1)
            {
                return;
            }

            InFlightAtKill = inFlight;
            _kill();
            _killed = true;
        }
    }
}
