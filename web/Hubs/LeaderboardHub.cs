using System.Runtime.CompilerServices;
using System.Text.Json;
using Leaderboard.Abstractions;
using Leaderboard.Abstractions.Boards;
using Leaderboard.Abstractions.Units;
using Leaderboard.Domain.Catalogue;
using Leaderboard.Domain.Events;
using Leaderboard.Web.Api;
using Leaderboard.Web.Ingestion;
using Leaderboard.Web.Security;
using Microsoft.AspNetCore.SignalR;

namespace Leaderboard.Web.Hubs;

/// <summary>
/// <c>/hubs/leaderboard</c>: subscriptions to boards and units, and event uploads. A subscriber joins the group first
/// and then reads the snapshot, so no change published after the snapshot can be missed (older ones are recognised by
/// their version).
/// </summary>
public sealed partial class LeaderboardHub(
    IGrainFactory grains,
    Catalogue catalogue,
    GrainObserverBridge bridge,
    HubAudience audience,
    ApiKeys keys,
    EventParser parser,
    EventIngestion ingestion,
    KeyRateLimiter rateLimiter,
    TimeProvider time,
    ILogger<LeaderboardHub> logger) : Hub<ILeaderboardClient>
{
    /// <summary>An upload is acknowledged in groups of at most this many events…</summary>
    public const int UploadGroupSize = 1_000;

    /// <summary>…or of what arrived within this long after a group's first event, whichever comes first.</summary>
    public static readonly TimeSpan UploadGroupWindow = TimeSpan.FromMilliseconds(50);

    private readonly ILogger<LeaderboardHub> _logger = logger;

    public async Task<ApiModels.BoardDto> SubscribeBoard(string campaign, string board)
    {
        var key = BoardOf(campaign, board);
        var group = HubGroups.Board(key);
        await Groups.AddToGroupAsync(Context.ConnectionId, group);
        audience.Join(Context.ConnectionId, group);
        var snapshot = await grains.GetGrain<IBoardGrain>(key.ToString()).GetSnapshotAsync();
        return ApiModels.Board(snapshot, catalogue);
    }

    public Task UnsubscribeBoard(string campaign, string board)
    {
        var group = HubGroups.Board(new BoardKey(campaign, board));
        audience.Leave(Context.ConnectionId, group);
        return Groups.RemoveFromGroupAsync(Context.ConnectionId, group);
    }

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

        var group = HubGroups.Unit(campaign, unit);
        await Groups.AddToGroupAsync(Context.ConnectionId, group);
        audience.Join(Context.ConnectionId, group);
        await bridge.WatchUnitAsync(unit);
        var progress = await grains.GetGrain<IUnitGrain>(unit).GetProgressAsync(campaign, null);
        return ApiModels.Unit(progress, catalogue);
    }

    public Task UnsubscribeUnit(string campaign, string unit)
    {
        var group = HubGroups.Unit(campaign, unit);
        audience.Leave(Context.ConnectionId, group);
        return Groups.RemoveFromGroupAsync(Context.ConnectionId, group);
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        audience.Disconnected(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>
    /// A client-to-server stream of events with the rules of <c>POST /api/v1/events</c>: one acknowledgement per group
    /// of events (see <see cref="UploadGroupSize"/>), shaped like the HTTP answer, given once the group's accepted
    /// events are durable. <c>index</c> is the position in the whole stream. The key is the connection's access token.
    /// Each group spends one request of the key's rate limit, shared with <c>POST /api/v1/events</c>; when the key's
    /// bucket is empty the group waits for it to refill instead of failing.
    /// The stream fails with a <see cref="HubException"/> whose message starts with 401, 403 or 503 (see
    /// <see cref="UploadErrors"/>); after a 503 or a dropped connection, sending the unacknowledged events again is safe.
    /// </summary>
    public async IAsyncEnumerable<IngestionResult> UploadEvents(
        IAsyncEnumerable<JsonElement> events, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var caller = Caller();
        var index = 0;
        var groups = 0;
        await foreach (var group in EventGroups.GroupAsync(events, UploadGroupSize, UploadGroupWindow, time, cancellationToken))
        {
            var outcomes = new List<ParseOutcome>(group.Count);
            foreach (var element in group)
            {
                outcomes.Add(parser.Parse(element));
            }

            // A group is one request of the key's rate limit, as one POST would be; an empty bucket slows the stream
            // (its acknowledgement comes later) rather than failing it.
            var waited = await rateLimiter.WaitAsync(caller, cancellationToken);
            if (waited > TimeSpan.Zero)
            {
                LogUploadThrottled(caller.Name, index, waited.TotalMilliseconds);
            }

            BatchTally tally;
            try
            {
                tally = await ingestion.IngestAsync(outcomes, index, caller);
            }
            catch (Exception ex) when (ex is StorageUnavailableException or TimeoutException)
            {
                LogUploadUnavailable(ex, caller.Name, index);
                throw new HubException(UploadErrors.Unavailable);
            }

            index += group.Count;
            groups++;
            yield return tally.ToResult();
        }

        LogUploadEnded(caller.Name, index, groups);
    }

    /// <summary>
    /// The writer behind this connection. A WebSocket from a browser cannot send headers, so its token arrives as the
    /// <c>access_token</c> query value; <see cref="AccessTokenRedaction"/> has already moved it into the
    /// <c>Authorization</c> header (and out of the query, and so out of every request log).
    /// </summary>
    private Caller Caller()
    {
        var request = Context.GetHttpContext()?.Request;
        var caller = keys.Resolve(request?.Headers.Authorization);
        if (caller is null)
        {
            throw new HubException(UploadErrors.Unauthorized);
        }

        return caller.CanWrite ? caller : throw new HubException(UploadErrors.Forbidden(caller.Name));
    }

    private BoardKey BoardOf(string campaign, string board)
    {
        var c = catalogue.FindCampaign(campaign) ?? throw new HubException($"Không có đợt thi đua '{campaign}'.");
        return c.FindBoard(board) is null ? throw new HubException($"Không có bảng xếp hạng '{board}'.") : new BoardKey(campaign, board);
    }
}
