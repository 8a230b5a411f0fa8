using Leaderboard.Grains.Hosting;
using Leaderboard.Grains.Ledger;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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

    [Theory]
    [InlineData("FlushInterval", "-00:00:01")]
    [InlineData("UnitPublishInterval", "00:00:00")]
    [InlineData("SnapshotInterval", "2.00:00:00")]
    [InlineData("BoardPublishInterval", "-00:00:00.200")]
    public void A_wait_that_is_not_positive_or_is_over_a_day_is_refused_by_name_at_start(string name, string value)
    {
        // A negative FlushInterval used to start the node, then fail every shard's activation: every POST answered 500.
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [$"Leaderboard:Ledger:{name}"] = value }).Build();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLeaderboardStorage(configuration, connectionString: null, dataPath: null);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<LedgerOptions>>().Value);

        Assert.Contains($"Leaderboard:Ledger:{name} phải là một khoảng thời gian dương", error.Message, StringComparison.Ordinal);
    }
}
