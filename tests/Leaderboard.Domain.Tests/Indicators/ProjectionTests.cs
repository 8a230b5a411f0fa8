using Leaderboard.Domain.Catalogue;
using Leaderboard.Domain.Counting;
using Leaderboard.Domain.Indicators;

namespace Leaderboard.Domain.Tests.Indicators;

public sealed class ProjectionTests
{
    private static readonly DateOnly Start = new(2024, 6, 6);

    private static List<TrendPoint> Trend(params (long Un, long Ud, long Pn, long Pd)[] days) =>
        [.. days.Select((d, i) => new TrendPoint(Start.AddDays(i), new WindowCounts(new(d.Un, d.Ud), new(d.Pn, d.Pd), new(d.Pn, d.Pd), new(0, 0))))];

    [Fact]
    public void Growth_is_averaged_over_the_last_fourteen_days()
    {
        // Six days of receipts without online payment, then fourteen days of one online payment a day.
        var days = Enumerable.Range(1, 20).Select(i => (1L, 4L, (long)Math.Max(0, i - 6), (long)i)).ToArray();
        var trend = Trend(days);
        Assert.Equal(new IndicatorCounts(14, 20), trend[^1].Counts.OnlinePayment);

        var projection = Projection.Project(trend, trend[^1].Day.AddDays(10));

        // (14 + 10 × 14/14) / (20 + 10 × 14/14) = 24 / 30.
        Assert.Equal(0.8, projection[IndicatorIds.OnlinePayment]!.Value, 12);
        Assert.Equal(IndicatorIds.All, projection.Keys);
    }

    [Fact]
    public void A_short_trend_grows_from_zero_over_its_own_days()
    {
        var trend = Trend((0, 4, 1, 2), (0, 4, 1, 4), (0, 4, 4, 6));

        var projection = Projection.Project(trend, trend[^1].Day.AddDays(3));

        // N: 4 + 3 × 4/3 = 8; D: 6 + 3 × 6/3 = 12.
        Assert.Equal(8.0 / 12.0, projection[IndicatorIds.OnlinePayment]!.Value, 12);
    }

    [Fact]
    public void The_usage_denominator_does_not_grow_and_values_are_capped_at_one()
    {
        var trend = Trend((1, 4, 0, 0), (2, 4, 0, 0), (3, 4, 0, 0));

        var projection = Projection.Project(trend, trend[^1].Day.AddDays(10));
        var soon = Projection.Project(trend, trend[^1].Day.AddDays(0));

        Assert.Equal(1.0, projection[IndicatorIds.OnlineServiceUsage]);
        Assert.Equal(0.75, soon[IndicatorIds.OnlineServiceUsage]);
        Assert.Null(projection[IndicatorIds.OnTime]);
        Assert.Null(projection[IndicatorIds.OnlinePayment]);
    }

    [Fact]
    public void After_the_end_the_projection_is_the_current_value()
    {
        var trend = Trend((0, 4, 1, 2), (0, 4, 2, 5));

        Assert.Equal(0.4, Projection.Project(trend, Start)[IndicatorIds.OnlinePayment]);
    }

    [Fact]
    public void No_trend_projects_nothing()
    {
        var projection = Projection.Project([], Start);

        Assert.Equal(IndicatorIds.All, projection.Keys);
        Assert.All(projection.Values, v => Assert.Null(v));
    }
}
