namespace Leaderboard.Web.Keys;

/// <summary>
/// The cookie that carries a viewer key after a page was opened once with <c>?key=</c>, so the page's own fetch and
/// WebSocket calls carry it too. HttpOnly (scripts never see the key) and SameSite=Strict (other sites never send it);
/// it is read only for viewing, never for writes.
/// </summary>
public static class ViewerCookie
{
    public const string Name = "lb_viewer";

    /// <summary>The query parameter a page accepts the key in.</summary>
    public const string QueryParameter = "key";

    public static void Append(HttpContext context, string key) =>
        context.Response.Cookies.Append(Name, key, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(30),
        });
}
