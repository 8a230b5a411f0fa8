using Leaderboard.Domain.Catalogue;

namespace Leaderboard.Domain.Indicators;

/// <summary>Calendar arithmetic of a campaign, in its time zone's dates.</summary>
public static class CampaignCalendar
{
    /// <summary>"Còn N ngày": whole days from <paramref name="today"/> to the end date, both included; 0 after the end.</summary>
    public static int DaysLeft(Campaign campaign, DateOnly today) =>
        today > campaign.End ? 0 : campaign.End.DayNumber - today.DayNumber + 1;
}
