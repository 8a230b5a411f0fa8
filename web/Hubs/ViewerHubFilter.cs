using Leaderboard.Web.Ingestion;
using Leaderboard.Web.Keys;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Leaderboard.Web.Hubs;

/// <summary>
/// With <c>Leaderboard:Viewers:RequireKey</c> on, the hub's subscriptions need a valid key: a bearer header, the viewer
/// cookie, or SignalR's <c>access_token</c> parameter (browsers cannot set headers on a WebSocket). Checked at each
/// subscription, so a revoked key subscribes to nothing more. Other hub methods do their own checks.
/// </summary>
public sealed class ViewerHubFilter(ApiKeys keys, IOptions<ViewerOptions> options) : IHubFilter
{
    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (options.Value.RequireKey
            && invocationContext.HubMethodName.StartsWith("Subscribe", StringComparison.Ordinal)
            && !HasValidKey(invocationContext.Context.GetHttpContext()))
        {
            throw new HubException("Cần khóa xem để theo dõi bảng xếp hạng: kết nối với Authorization: Bearer <khóa> hoặc mở trang một lần với ?key=<khóa>.");
        }

        return next(invocationContext);
    }

    private bool HasValidKey(HttpContext? http) =>
        http is not null
        && (keys.Resolve(http.Request.Headers.Authorization)
            ?? keys.ResolveKey(http.Request.Cookies[ViewerCookie.Name])
            ?? keys.ResolveKey(http.Request.Query["access_token"].ToString())) is not null;
}
