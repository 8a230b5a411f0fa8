using Leaderboard.Abstractions.Ingestion;
using Leaderboard.Grains.Boards;
using Microsoft.Extensions.Time.Testing;

namespace Leaderboard.Tests.Boards;

/// <summary>A board's ticker activity: at once after a quiet spell, then a bounded round per interval, nothing lost.</summary>
public sealed class ActivityPacerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly DateTimeOffset At = new(2024, 7, 1, 8, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void The_first_activity_goes_at_once_coalesced_by_unit_and_kind()
    {
        var pacer = new ActivityPacer(Interval, 12, new FakeTimeProvider());
        pacer.Add([new ActivityCount("U1", "online", 1, At), new ActivityCount("U1", "online", 2, At.AddSeconds(1)), new ActivityCount("U2", "payment", 1, At)]);

        var round = pacer.TakeDue();

        Assert.Equal(2, round.Count);
        Assert.Equal(new ActivityCount("U1", "online", 3, At.AddSeconds(1)), round[0]);
        Assert.Equal(new ActivityCount("U2", "payment", 1, At), round[1]);
        Assert.Equal(0, pacer.PendingCount);
    }

    [Fact]
    public void Within_the_interval_activity_waits_and_keeps_adding_up()
    {
        var time = new FakeTimeProvider();
        var pacer = new ActivityPacer(Interval, 12, time);
        pacer.Add([new ActivityCount("U1", "online", 1, At)]);
        Assert.Single(pacer.TakeDue());

        pacer.Add([new ActivityCount("U1", "online", 1, At)]);
        time.Advance(Interval - TimeSpan.FromMilliseconds(1));
        Assert.Empty(pacer.TakeDue());
        pacer.Add([new ActivityCount("U1", "online", 4, At)]);
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal([new ActivityCount("U1", "online", 5, At)], pacer.TakeDue());
    }

    [Fact]
    public void A_round_holds_at_most_its_size_largest_counts_first_and_the_rest_follow_later()
    {
        var time = new FakeTimeProvider();
        var pacer = new ActivityPacer(Interval, 2, time);
        pacer.Add([new ActivityCount("U1", "online", 1, At), new ActivityCount("U2", "online", 5, At), new ActivityCount("U3", "online", 3, At)]);

        Assert.Equal(["U2", "U3"], pacer.TakeDue().Select(a => a.Unit));
        Assert.Equal(1, pacer.PendingCount);

        time.Advance(Interval);
        Assert.Equal([new ActivityCount("U1", "online", 1, At)], pacer.TakeDue());
        time.Advance(Interval);
        Assert.Empty(pacer.TakeDue());
    }
}
