using Microsoft.Extensions.Hosting;

namespace Leaderboard.Grains.Dispatch;

/// <summary>
/// One per silo and kind of call: gathers what is posted for each key into one batch and delivers it as one call per
/// key per round. A round starts as soon as something is posted while the dispatcher is idle, and at most once per
/// spacing (see <see cref="DispatchRounds"/>). A key has at most one call in flight; what is posted for it meanwhile
/// waits for the first round after the call returns. So a key whose node is gone (its call held until the response
/// timeout) holds up no other key, and at high load the calls per second stay bounded while the batches grow.
/// </summary>
internal abstract class RoundDispatcher<TKey, TItem, TBatch>(TimeSpan spacing, TimeProvider time, IEqualityComparer<TKey>? comparer)
    : BackgroundService
    where TKey : notnull
{
    private readonly DispatchRounds _rounds = new(spacing, time);
    private readonly Lock _gate = new();
    private readonly HashSet<TKey> _inFlight = new(comparer);
    private Dictionary<TKey, TBatch> _pending = new(comparer);

    public void Post(TKey key, TItem item)
    {
        lock (_gate)
        {
            if (!_pending.TryGetValue(key, out var batch))
            {
                _pending[key] = batch = NewBatch();
            }

            Add(batch, item);
            if (_inFlight.Contains(key))
            {
                // Sent when the call in flight returns.
                return;
            }
        }

        _rounds.Wake();
    }

    /// <summary>An empty batch for a key.</summary>
    protected abstract TBatch NewBatch();

    /// <summary>Adds an item to a key's batch (called under the dispatcher's lock).</summary>
    protected abstract void Add(TBatch batch, TItem item);

    /// <summary>The one call that delivers a key's batch.</summary>
    protected abstract Task DeliverAsync(TKey key, TBatch batch);

    /// <summary>A delivery failed; what it carried is not retried here.</summary>
    protected abstract void OnLost(Exception exception, TKey key, TBatch batch);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _rounds.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            List<KeyValuePair<TKey, TBatch>> ready;
            lock (_gate)
            {
                if (_pending.Count == 0)
                {
                    continue;
                }

                ready = new List<KeyValuePair<TKey, TBatch>>(_pending.Count);
                var waiting = new Dictionary<TKey, TBatch>(_pending.Comparer);
                foreach (var kv in _pending)
                {
                    if (_inFlight.Add(kv.Key))
                    {
                        ready.Add(kv);
                    }
                    else
                    {
                        waiting[kv.Key] = kv.Value;
                    }
                }

                _pending = waiting;
            }

            foreach (var (key, batch) in ready)
            {
                _ = SendAsync(key, batch);
            }
        }
    }

    private async Task SendAsync(TKey key, TBatch batch)
    {
        try
        {
            await DeliverAsync(key, batch);
        }
        catch (Exception ex)
        {
            OnLost(ex, key, batch);
        }
        finally
        {
            bool more;
            lock (_gate)
            {
                _inFlight.Remove(key);
                more = _pending.ContainsKey(key);
            }

            if (more)
            {
                _rounds.Wake();
            }
        }
    }
}
