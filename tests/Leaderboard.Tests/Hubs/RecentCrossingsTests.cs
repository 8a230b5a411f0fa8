using Leaderboard.Web.Hubs;

namespace Leaderboard.Tests.Hubs;

public sealed class RecentCrossingsTests
{
    private static readonly DateTimeOffset Start = new(2024, 9, 2, 8, 0, 0, TimeSpan.FromHours(7));
    private static readonly DateTimeOffset At = new(2024, 9, 2, 7, 59, 58, TimeSpan.FromHours(7));

    [Fact]
    public void The_same_crossing_by_another_path_is_not_sent_again()
    {
        var crossings = new RecentCrossings();
        Assert.True(crossings.TryRemember("c", "u", "online-payment", At, Start));
        Assert.False(crossings.TryRemember("c", "u", "online-payment", At, Start.AddMilliseconds(300)));
        Assert.True(crossings.TryRemember("c", "u", "online-dossier", At, Start.AddMilliseconds(300)));
        Assert.True(crossings.TryRemember("c", "u", "online-payment", At.AddSeconds(1), Start.AddMilliseconds(400)));
    }

    [Fact]
    public void A_crossing_is_remembered_for_its_memory_and_forgotten_at_the_next_sweep()
    {
        var crossings = new RecentCrossings();
        Assert.True(crossings.TryRemember("c", "u", "online-payment", At, Start));
        Assert.False(crossings.TryRemember("c", "u", "online-payment", At, Start + RecentCrossings.Memory));

        // A new crossing after the memory sweeps the old one; the next offer of the old one is sent again.
        Assert.True(crossings.TryRemember("c", "v", "online-payment", At, Start + RecentCrossings.Memory + TimeSpan.FromSeconds(1)));
        Assert.Equal(1, crossings.Count);
        Assert.True(crossings.TryRemember("c", "u", "online-payment", At, Start + RecentCrossings.Memory + TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void Sweeps_wait_their_interval_so_new_crossings_do_not_walk_the_whole_memory_each_time()
    {
        var crossings = new RecentCrossings();
        Assert.True(crossings.TryRemember("c", "u0", "online-payment", At, Start));
        var sweep = Start + RecentCrossings.Memory - TimeSpan.FromSeconds(1);
        Assert.True(crossings.TryRemember("c", "u1", "online-payment", At, sweep));

        // u0 is past its memory now, but the last sweep was two seconds ago: it stays until the next one.
        Assert.True(crossings.TryRemember("c", "u2", "online-payment", At, Start + RecentCrossings.Memory + TimeSpan.FromSeconds(1)));
        Assert.Equal(3, crossings.Count);

        Assert.True(crossings.TryRemember("c", "u3", "online-payment", At, sweep + RecentCrossings.SweepEvery));
        Assert.Equal(3, crossings.Count);
        Assert.False(crossings.TryRemember("c", "u1", "online-payment", At, sweep + RecentCrossings.SweepEvery));
    }
}
