using Leaderboard.Web.Ingestion;
using Leaderboard.Web.Security;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Leaderboard.Tests.Security;

/// <summary>The per-key buckets shared by HTTP posts and hub uploads, on a clock the test moves.</summary>
public sealed class KeyRateLimiterTests
{
    private static readonly Caller KeyA = new("a", IsAdmin: false, CanWrite: true, Scope: ["000.07.12.H37"]) { Id = "config-0" };
    private static readonly Caller KeyB = new("b", IsAdmin: false, CanWrite: true, Scope: ["000.07.12.H37"]) { Id = "config-1" };
    private static readonly Caller Admin = new("admin", IsAdmin: true, CanWrite: true, Scope: null) { Id = "admin" };

    [Fact]
    public void Past_its_burst_a_key_is_refused_with_a_retry_after_until_the_next_second_refills_it()
    {
        var time = new FakeTimeProvider();
        using var limiter = Limiter(time, new RateLimitOptions { RequestsPerSecond = 1, Burst = 2 });

        Assert.True(Take(limiter, KeyA));
        Assert.True(Take(limiter, KeyA));
        using (var refused = limiter.For(KeyA).AttemptAcquire())
        {
            Assert.False(refused.IsAcquired);
            Assert.True(refused.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var retryAfter));
            Assert.Equal(TimeSpan.FromSeconds(1), retryAfter);
        }

        Assert.True(Take(limiter, KeyB)); // its own bucket
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(Take(limiter, KeyA));
        Assert.False(Take(limiter, KeyA));
        Assert.Equal(3, limiter.StatisticsOf(KeyA.Id)!.TotalSuccessfulLeases);
    }

    [Fact]
    public async Task A_wait_on_an_empty_bucket_ends_when_the_clock_refills_it()
    {
        var time = new FakeTimeProvider();
        using var limiter = Limiter(time, new RateLimitOptions { RequestsPerSecond = 1, Burst = 1 });
        Assert.True(Take(limiter, KeyA));

        var wait = limiter.WaitAsync(KeyA, CancellationToken.None);
        Assert.False(wait.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(TimeSpan.FromSeconds(1), await wait);
        Assert.False(Take(limiter, KeyA));
    }

    [Fact]
    public async Task The_admin_key_and_switched_off_limits_never_wait()
    {
        var time = new FakeTimeProvider();
        using var limited = Limiter(time, new RateLimitOptions { RequestsPerSecond = 1, Burst = 1 });
        using var off = Limiter(time, new RateLimitOptions { Enabled = false, RequestsPerSecond = 1, Burst = 1 });

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(TimeSpan.Zero, await limited.WaitAsync(Admin, CancellationToken.None));
            Assert.Equal(TimeSpan.Zero, await off.WaitAsync(KeyA, CancellationToken.None));
        }

        Assert.False(limited.Limits(Admin));
        using var adminLimited = Limiter(time, new RateLimitOptions { LimitAdmin = true });
        Assert.True(adminLimited.Limits(Admin));
    }

    private static KeyRateLimiter Limiter(TimeProvider time, RateLimitOptions options) => new(Options.Create(options), time);

    private static bool Take(KeyRateLimiter limiter, Caller caller)
    {
        using var lease = limiter.For(caller).AttemptAcquire();
        return lease.IsAcquired;
    }
}
