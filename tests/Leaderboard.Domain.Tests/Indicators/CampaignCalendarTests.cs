using Leaderboard.Domain.Indicators;
using Leaderboard.Domain.Tests.Support;

namespace Leaderboard.Domain.Tests.Indicators;

public sealed class CampaignCalendarTests
{
    [Theory]
    [InlineData("2024-06-01", 214)]
    [InlineData("2024-06-06", 209)]
    [InlineData("2024-12-30", 2)]
    [InlineData("2024-12-31", 1)]
    [InlineData("2025-01-01", 0)]
    [InlineData("2025-06-01", 0)]
    public void Days_left_count_today_and_the_end_date(string today, int expected)
    {
        Assert.Equal(expected, CampaignCalendar.DaysLeft(SampleOrg.NewCampaign(), EventFactory.Day(today)));
    }
}
