using Leaderboard.Abstractions.Boards;
using Leaderboard.Abstractions.Units;
using Leaderboard.Domain.Catalogue;
using Leaderboard.Web.Api;
using Microsoft.AspNetCore.SignalR;

namespace Leaderboard.Web.Hubs;

/// <summary>
/// <c>/hubs/leaderboard</c>: subscriptions to boards and units. A subscriber joins the group first and then reads the
/// snapshot, so no change published after the snapshot can be missed (older ones are recognised by their version).
/// </summary>
public sealed class LeaderboardHub(IGrainFactory grains, Catalogue catalogue, GrainObserverBridge bridge) : Hub<ILeaderboardClient>
{
    public async Task<ApiModels.BoardDto> SubscribeBoard(string campaign, string board)
    {
        var key = BoardOf(campaign, board);
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Board(key));
        var snapshot = await grains.GetGrain<IBoardGrain>(key.ToString()).GetSnapshotAsync();
        return ApiModels.Board(snapshot, catalogue);
    }

    public Task UnsubscribeBoard(string campaign, string board) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.Board(new BoardKey(campaign, board)));

    public async Task<ApiModels.UnitDto> SubscribeUnit(string campaign, string unit)
    {
        if (catalogue.FindCampaign(campaign) is null)
        {
            throw new HubException($"Không có đợt thi đua '{campaign}'.");
        }

        if (catalogue.FindUnit(unit) is null)
        {
            throw new HubException($"Không có đơn vị '{unit}'.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Unit(campaign, unit));
        await bridge.WatchUnitAsync(unit);
        var progress = await grains.GetGrain<IUnitGrain>(unit).GetProgressAsync(campaign, null);
        return ApiModels.Unit(progress, catalogue);
    }

    public Task UnsubscribeUnit(string campaign, string unit) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.Unit(campaign, unit));

    private BoardKey BoardOf(string campaign, string board)
    {
        var c = catalogue.FindCampaign(campaign) ?? throw new HubException($"Không có đợt thi đua '{campaign}'.");
        return c.FindBoard(board) is null ? throw new HubException($"Không có bảng xếp hạng '{board}'.") : new BoardKey(campaign, board);
    }
}
