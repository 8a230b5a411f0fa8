using Leaderboard.Domain.Catalogue;

namespace Leaderboard.Web.Hubs;

/// <summary>SignalR group names: one per board and one per (campaign, unit).</summary>
public static class HubGroups
{
    public static string Board(BoardKey key) => $"board:{key}";

    public static string Unit(string campaign, string unit) => $"unit:{campaign}/{unit}";
}
