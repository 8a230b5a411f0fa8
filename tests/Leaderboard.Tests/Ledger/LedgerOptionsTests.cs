using Leaderboard.Grains.Ledger;

namespace Leaderboard.Tests.Ledger;

/// <summary>
/// api.md: a GET reflects every event acknowledged at least a second before it. The waits an accepted event meets on
/// its way to a unit and its boards (a busy shard's flush, the unit's delivery, the board's round and publication)
/// must leave room in that second for the work itself, during a surge too.
/// </summary>
public sealed class LedgerOptionsTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(800);

    [Fact]
    public void The_default_waits_of_the_push_path_leave_a_fifth_of_the_freshness_second_for_the_work()
    {
        var o = new LedgerOptions();

        var live = o.BusyFlushInterval + o.UnitPublishInterval + o.BoardDispatchInterval + o.BoardPublishInterval;
        var surge = o.BusyFlushInterval + o.SurgePublishInterval + o.BoardDispatchInterval + o.BoardPublishInterval;

        Assert.True(live <= Budget, $"live path waits {live.TotalMilliseconds} ms");
        Assert.True(surge <= Budget, $"surge path waits {surge.TotalMilliseconds} ms");
        Assert.True(o.SurgePublishInterval > o.UnitPublishInterval, "a surge must space deliveries more than live traffic does");
    }
}
