using System.Runtime.InteropServices;
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
/// Each key has one record (its batch, whether its call is in flight, when it was last sent), so a post costs one
/// look-up; keys held by their spacing wait in a queue ordered by when they may go, so a round touches only the keys
/// it sends. Scanning every pending key in every round, with a look-up per collection, cost more than the delivery
/// itself once most units were held at high load.
/// </remarks>
internal abstract class RoundDispatcher<TKey, TItem, TBatch> : BackgroundService
    where TKey : notnull
    where TBatch : class
{
    private readonly DispatchRounds _rounds;
    private long _keySpacing;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, DispatchSlot<TKey, TBatch>> _slots;

    /// <summary>Keys with a batch that may go in the next round.</summary>
    private readonly List<DispatchSlot<TKey, TBatch>> _due = [];

    /// <summary>Keys with a batch that wait for their spacing, by the timestamp they may go.</summary>
    private readonly PriorityQueue<DispatchSlot<TKey, TBatch>, long> _held = new();

    private readonly List<(DispatchSlot<TKey, TBatch> Slot, TBatch Batch)> _sending = [];
    private readonly ITimer _heldTimer;
    private readonly Action<TBatch, TItem> _add;
    private long _heldTimerDue = long.MaxValue;

    protected RoundDispatcher(TimeSpan spacing, TimeSpan keySpacing, TimeProvider time, IEqualityComparer<TKey>? comparer)
    {
        _rounds = new DispatchRounds(spacing, time);
        _time = time;
        _keySpacing = Ticks(keySpacing);
        _slots = new Dictionary<TKey, DispatchSlot<TKey, TBatch>>(comparer);
        _add = Add;
        _heldTimer = time.CreateTimer(static rounds => ((DispatchRounds)rounds!).Wake(), _rounds, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public void Post(TKey key, TItem item) => Post(key, item, _add);

    /// <summary>Adds to a key's batch with <paramref name="add"/> (called under the dispatcher's lock): for batches that gather more than one kind of item.</summary>
    protected void Post<TArg>(TKey key, TArg arg, Action<TBatch, TArg> add)
    {
        bool wake;
        lock (_gate)
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_slots, key, out _);
            slot ??= new DispatchSlot<TKey, TBatch>(key);
            add(slot.Batch ??= NewBatch(), arg);
            wake = Schedule(slot, _time.GetTimestamp());
        }

        if (wake)
        {
            _rounds.Wake();
        }
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

    /// <summary>Called before each round, outside the lock: a subclass may change the key spacing there.</summary>
    protected virtual void BeforeRound()
    {
    }

    /// <summary>
    /// A new key spacing, for the keys scheduled from now on (a key already held waits for the spacing it was held
    /// with).
    /// </summary>
    protected void SetKeySpacing(TimeSpan keySpacing)
    {
        lock (_gate)
        {
            _keySpacing = Ticks(keySpacing);
        }
    }

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

            BeforeRound();
            lock (_gate)
            {
                var now = _time.GetTimestamp();
                while (_held.TryPeek(out var held, out var ready) && ready <= now)
                {
                    _held.Dequeue();
                    _due.Add(held);
                }

                foreach (var slot in _due)
                {
                    _sending.Add((slot, slot.Batch!));
                    slot.Batch = null;
                    slot.Queued = false;
                    slot.InFlight = true;
                    slot.LastSent = now;
                }

                _due.Clear();
                _heldTimerDue = long.MaxValue;
                if (_held.TryPeek(out _, out var next))
                {
                    WakeAt(next);
                }
            }

            foreach (var (slot, batch) in _sending)
            {
                _ = SendAsync(slot, batch);
            }

            _sending.Clear();
        }
    }

    /// <summary>
    /// Queues a key that has a batch, unless its call is in flight (it is queued when the call returns) or it is queued
    /// already: for the next round, or, while its spacing runs, until the spacing is over. True when the next round
    /// should be asked for now (under the lock).
    /// </summary>
    private bool Schedule(DispatchSlot<TKey, TBatch> slot, long now)
    {
        if (slot.InFlight || slot.Queued || slot.Batch is null)
        {
            return false;
        }

        slot.Queued = true;
        if (_keySpacing > 0 && slot.LastSent is { } sent && sent + _keySpacing > now)
        {
            _held.Enqueue(slot, sent + _keySpacing);
            WakeAt(sent + _keySpacing);
            return false;
        }

        _due.Add(slot);
        return true;
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

    private long Ticks(TimeSpan spacing) => spacing > TimeSpan.Zero ? (long)(spacing.TotalSeconds * _time.TimestampFrequency) : 0;

    private async Task SendAsync(DispatchSlot<TKey, TBatch> slot, TBatch batch)
    {
        try
        {
            await DeliverAsync(slot.Key, batch);
        }
        catch (Exception ex)
        {
            OnLost(ex, slot.Key, batch);
        }
        finally
        {
            bool wake;
            lock (_gate)
            {
                slot.InFlight = false;
                wake = Schedule(slot, _time.GetTimestamp());
            }

            if (wake)
            {
                _rounds.Wake();
            }
        }
    }
}
