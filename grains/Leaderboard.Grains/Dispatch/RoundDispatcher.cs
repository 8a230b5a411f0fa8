using Microsoft.Extensions.Hosting;

namespace Leaderboard.Grains.Dispatch;

/// <summary>
/// One per silo and kind of call: gathers what is posted for each key into one batch and delivers it as one call per
/// key per round. A round starts as soon as something is posted while the dispatcher is idle, and at most once per
/// spacing (see <see cref="DispatchRounds"/>). A key has at most one call in flight; what is posted for it meanwhile
/// waits for the first round after the call returns. So a key whose node is gone (its call held until the response
/// timeout) holds up no other key, and at high load the calls per second stay bounded while the batches grow.
/// </summary>
/// <remarks>
/// With a <c>keySpacing</c>, a key also gets at most one call per that spacing: what is posted for it sooner waits,
/// still coalescing, until the spacing since its previous call is over (a key that was quiet for longer is sent in the
/// next round, at once when the dispatcher is idle). A unit publishes at most once per its publication interval, so
/// delivering its deltas more often only adds calls: at 30,000 events/s every unit had a call in every 20 ms round.
/// </remarks>
internal abstract class RoundDispatcher<TKey, TItem, TBatch> : BackgroundService
    where TKey : notnull
{
    private readonly DispatchRounds _rounds;
    private readonly TimeSpan _keySpacing;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly HashSet<TKey> _inFlight;
    private readonly Dictionary<TKey, TBatch> _pending;
    private readonly Dictionary<TKey, long> _lastSent;
    private readonly List<KeyValuePair<TKey, TBatch>> _ready = [];
    private readonly ITimer _heldTimer;
    private readonly Action<TBatch, TItem> _add;
    private long _heldTimerDue = long.MaxValue;

    protected RoundDispatcher(TimeSpan spacing, TimeSpan keySpacing, TimeProvider time, IEqualityComparer<TKey>? comparer)
    {
        _rounds = new DispatchRounds(spacing, time);
        _keySpacing = keySpacing;
        _time = time;
        _inFlight = new HashSet<TKey>(comparer);
        _pending = new Dictionary<TKey, TBatch>(comparer);
        _lastSent = new Dictionary<TKey, long>(comparer);
        _add = Add;
        _heldTimer = time.CreateTimer(static rounds => ((DispatchRounds)rounds!).Wake(), _rounds, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public void Post(TKey key, TItem item) => Post(key, item, _add);

    /// <summary>Adds to a key's batch with <paramref name="add"/> (called under the dispatcher's lock): for batches that gather more than one kind of item.</summary>
    protected void Post<TArg>(TKey key, TArg arg, Action<TBatch, TArg> add)
    {
        lock (_gate)
        {
            if (!_pending.TryGetValue(key, out var batch))
            {
                _pending[key] = batch = NewBatch();
            }

            add(batch, arg);
            if (_inFlight.Contains(key))
            {
                // Sent when the call in flight returns.
                return;
            }

            if (HeldUntil(key, _time.GetTimestamp()) is { } ready)
            {
                WakeAt(ready);
                return;
            }
        }

        _rounds.Wake();
    }

    public override void Dispose()
    {
        _heldTimer.Dispose();
        base.Dispose();
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

            lock (_gate)
            {
                var now = _time.GetTimestamp();
                long? nextHeld = null;
                foreach (var kv in _pending)
                {
                    if (_inFlight.Contains(kv.Key))
                    {
                        continue;
                    }

                    if (HeldUntil(kv.Key, now) is { } ready)
                    {
                        nextHeld = Math.Min(nextHeld ?? long.MaxValue, ready);
                        continue;
                    }

                    _ready.Add(kv);
                }

                foreach (var (key, _) in _ready)
                {
                    _pending.Remove(key);
                    _inFlight.Add(key);
                    if (_keySpacing > TimeSpan.Zero)
                    {
                        _lastSent[key] = now;
                    }
                }

                _heldTimerDue = long.MaxValue;
                if (nextHeld is { } at)
                {
                    WakeAt(at);
                }
            }

            foreach (var (key, batch) in _ready)
            {
                _ = SendAsync(key, batch);
            }

            _ready.Clear();
        }
    }

    /// <summary>When a key that is not in flight may be sent next, if that is later than <paramref name="now"/> (under the lock).</summary>
    private long? HeldUntil(TKey key, long now)
    {
        if (_keySpacing <= TimeSpan.Zero || !_lastSent.TryGetValue(key, out var sent))
        {
            return null;
        }

        var ready = sent + (long)(_keySpacing.TotalSeconds * _time.TimestampFrequency);
        return ready > now ? ready : null;
    }

    /// <summary>Makes sure a round starts by <paramref name="timestamp"/> (under the lock).</summary>
    private void WakeAt(long timestamp)
    {
        if (timestamp >= _heldTimerDue)
        {
            return;
        }

        _heldTimerDue = timestamp;
        var due = _time.GetElapsedTime(_time.GetTimestamp(), timestamp);
        _heldTimer.Change(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
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
