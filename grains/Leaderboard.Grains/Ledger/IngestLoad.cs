using Microsoft.Extensions.Options;

namespace Leaderboard.Grains.Ledger;

/// <summary>
/// How fast this silo's ledger shards apply events, one whole second at a time, and whether that is a surge: a bulk
/// import or an integrator's backlog rather than live traffic. A surge starts in a second with at least
/// <see cref="LedgerOptions.SurgeEventsPerSecond"/> events and ends in the first second below half of it; a quiet spell
/// ends it too (the next reading averages over the whole spell). One per silo, shared by its shards (thread-safe).
/// </summary>
internal sealed class IngestLoad
{
    private readonly TimeProvider _time;
    private readonly long _window;
    private readonly int _threshold;
    private readonly Lock _gate = new();
    private long _windowStart;
    private long _count;
    private bool _surging;

    public IngestLoad(IOptions<LedgerOptions> options, TimeProvider time)
    {
        _time = time;
        _threshold = options.Value.SurgeEventsPerSecond;
        _window = time.TimestampFrequency;
        _windowStart = time.GetTimestamp();
    }

    /// <summary>Events applied in the last whole second read (0 before the first second is over).</summary>
    public double EventsPerSecond { get; private set; }

    /// <summary>True while the silo is in a surge (never when <see cref="LedgerOptions.SurgeEventsPerSecond"/> is 0).</summary>
    public bool Surging
    {
        get
        {
            lock (_gate)
            {
                Roll(_time.GetTimestamp());
                return _surging;
            }
        }
    }

    /// <summary>A shard applied <paramref name="events"/> new events.</summary>
    public void Applied(int events)
    {
        lock (_gate)
        {
            Roll(_time.GetTimestamp());
            _count += events;
        }
    }

    private void Roll(long now)
    {
        var elapsed = now - _windowStart;
        if (elapsed < _window)
        {
            return;
        }

        EventsPerSecond = _count * (double)_time.TimestampFrequency / elapsed;
        _surging = _threshold > 0 && (EventsPerSecond >= _threshold || (_surging && EventsPerSecond >= _threshold / 2.0));
        _count = 0;
        _windowStart = now;
    }
}
