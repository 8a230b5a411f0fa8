using Leaderboard.Grains.Ledger;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Leaderboard.Tests.Ledger;

/// <summary>A surge starts in a second at the threshold and ends in a second below half of it, or after a quiet spell.</summary>
public sealed class IngestLoadTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void A_second_at_the_threshold_starts_a_surge_that_half_the_rate_keeps_and_less_ends()
    {
        var time = new FakeTimeProvider();
        var load = new IngestLoad(Options.Create(new LedgerOptions { SurgeEventsPerSecond = 1_000 }), time);

        load.Applied(999);
        time.Advance(Second);
        Assert.False(load.Surging);
        Assert.Equal(999, load.EventsPerSecond);

        load.Applied(600);
        load.Applied(400);
        Assert.False(load.Surging); // the second is not over
        time.Advance(Second);
        Assert.True(load.Surging);

        load.Applied(500);
        time.Advance(Second);
        Assert.True(load.Surging);

        load.Applied(499);
        time.Advance(Second);
        Assert.False(load.Surging);
    }

    [Fact]
    public void A_quiet_spell_ends_a_surge()
    {
        var time = new FakeTimeProvider();
        var load = new IngestLoad(Options.Create(new LedgerOptions { SurgeEventsPerSecond = 1_000 }), time);
        load.Applied(5_000);
        time.Advance(Second);
        Assert.True(load.Surging);

        // Nothing applied, nothing read, for a minute: the next reading averages over the whole minute.
        load.Applied(4_000);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.False(load.Surging);
        Assert.Equal(4_000 / 60.0, load.EventsPerSecond, 6);
    }

    [Fact]
    public void A_threshold_of_zero_never_surges()
    {
        var time = new FakeTimeProvider();
        var load = new IngestLoad(Options.Create(new LedgerOptions { SurgeEventsPerSecond = 0 }), time);
        load.Applied(1_000_000);
        time.Advance(Second);
        Assert.False(load.Surging);
    }
}
