using Leaderboard.Grains.Ledger;

namespace Leaderboard.Tests.Ledger;

public sealed class SnapshotRetryTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(1_000, 60)]
    public void A_failed_snapshot_waits_a_second_then_twice_as_long_each_time_up_to_a_minute(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), LedgerShardGrain.SnapshotRetryDelay(failures));
}
