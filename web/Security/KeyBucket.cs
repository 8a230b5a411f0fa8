using System.Threading.RateLimiting;

namespace Leaderboard.Web.Security;

/// <summary>
/// One key's token bucket: at most <c>burst</c> tokens, <c>perRefill</c> more at each <see cref="Refill"/> (which
/// <see cref="KeyRateLimiter"/> calls on its clock). The runtime's token bucket measures refills by its own stopwatch;
/// this one follows the service's <see cref="TimeProvider"/>, so tests can move it.
/// </summary>
/// <remarks>
/// A plain <see cref="RateLimiter"/>, never idle: the rate-limiting middleware holds it for the key and neither
/// replenishes nor disposes it.
/// </remarks>
internal sealed class KeyBucket : RateLimiter
{
    private readonly Lock _lock = new();
    private readonly int _burst;
    private readonly int _perRefill;
    private readonly TimeSpan _refillPeriod;
    private int _tokens;
    private long _granted;
    private long _refused;

    public KeyBucket(int burst, int perRefill, TimeSpan refillPeriod)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(perRefill, 1);
        _burst = burst;
        _perRefill = perRefill;
        _refillPeriod = refillPeriod;
        _tokens = burst;
    }

    public override TimeSpan? IdleDuration => null;

    public void Refill()
    {
        lock (_lock)
        {
            _tokens = Math.Min(_burst, _tokens + _perRefill);
        }
    }

    public override RateLimiterStatistics GetStatistics()
    {
        lock (_lock)
        {
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = _tokens,
                TotalSuccessfulLeases = _granted,
                TotalFailedLeases = _refused,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _burst);
        lock (_lock)
        {
            if (permitCount == 0)
            {
                return _tokens > 0 ? BucketLease.Granted : Refused(1);
            }

            if (_tokens >= permitCount)
            {
                _tokens -= permitCount;
                _granted++;
                return BucketLease.Granted;
            }

            _refused++;
            return Refused(permitCount);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    /// <summary>A refusal that says when enough tokens will be back (whole refill periods).</summary>
    private BucketLease Refused(int permitCount)
    {
        var refills = (int)Math.Ceiling((permitCount - _tokens) / (double)_perRefill);
        return new BucketLease(false, _refillPeriod * Math.Max(1, refills));
    }
}
