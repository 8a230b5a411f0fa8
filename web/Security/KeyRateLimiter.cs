using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Leaderboard.Web.Ingestion;
using Microsoft.Extensions.Options;

namespace Leaderboard.Web.Security;

/// <summary>
/// The token buckets of <see cref="RateLimitOptions"/>, one per key, shared by every write path: a
/// <c>POST /api/v1/events</c> takes a token through the rate-limiting middleware (<see cref="KeyRateLimiting"/>), and
/// each acknowledged group of a hub upload takes one too, so a key has one budget whichever way it writes. Buckets
/// refill on <see cref="TimeProvider"/>'s clock, once per second.
/// </summary>
public sealed class KeyRateLimiter : IDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);
    private static readonly RateLimiter Unlimited = RateLimitPartition.GetNoLimiter(string.Empty).Factory(string.Empty);

    private readonly RateLimitOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, KeyBucket> _buckets = new(StringComparer.Ordinal);
    private readonly ITimer _refill;

    /// <summary>Completed, and replaced, at every refill: what waiting uploads wake on.</summary>
    private TaskCompletionSource _refilled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public KeyRateLimiter(IOptions<RateLimitOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        _refill = time.CreateTimer(static state => ((KeyRateLimiter)state!).Refill(), this, Period, Period);
    }

    /// <summary>Whether <paramref name="caller"/>'s writes are limited at all (limits on; not the admin key, unless it is limited too).</summary>
    public bool Limits(Caller caller) => _options.Enabled && (!caller.IsAdmin || _options.LimitAdmin);

    /// <summary>The bucket of <paramref name="caller"/>, or a limiter that never refuses when its writes are not limited.</summary>
    public RateLimiter For(Caller caller) => Limits(caller) ? BucketOf(caller.Id) : Unlimited;

    /// <summary>Takes one token from <paramref name="caller"/>'s bucket, waiting for refills while it is empty; returns how long it waited.</summary>
    public async Task<TimeSpan> WaitAsync(Caller caller, CancellationToken cancellationToken)
    {
        var limiter = For(caller);
        var started = _time.GetTimestamp();
        while (true)
        {
            // Read before trying, so that a refill between the attempt and the wait is not missed.
            var refilled = Volatile.Read(ref _refilled).Task;
            using (var lease = limiter.AttemptAcquire())
            {
                if (lease.IsAcquired)
                {
                    return _time.GetElapsedTime(started);
                }
            }

            await refilled.WaitAsync(cancellationToken);
        }
    }

    /// <summary>The statistics of a key's bucket (null before its first write).</summary>
    public RateLimiterStatistics? StatisticsOf(string keyId) => _buckets.TryGetValue(keyId, out var bucket) ? bucket.GetStatistics() : null;

    /// <summary>Stops the refills (the buckets hold nothing to release).</summary>
    public void Dispose() => _refill.Dispose();

    private KeyBucket BucketOf(string keyId) =>
        _buckets.GetOrAdd(keyId, static (_, options) => new KeyBucket(options.Burst, options.RequestsPerSecond, Period), _options);

    private void Refill()
    {
        foreach (var bucket in _buckets.Values)
        {
            bucket.Refill();
        }

        Interlocked.Exchange(ref _refilled, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }
}
