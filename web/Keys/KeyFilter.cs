using Leaderboard.Web.Ingestion;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Leaderboard.Web.Keys;

/// <summary>
/// Checks the caller's key for a whole endpoint group, before the handler reads anything of the request: 401 with a
/// Bearer challenge for a missing, unknown or revoked key, 403 for a key without the right. The accepted caller is
/// handed on through <see cref="CallerContext"/>. Keys are resolved by <see cref="ApiKeys"/> and never logged.
/// </summary>
public sealed partial class KeyFilter(KeyRequirement requirement) : IEndpointFilter
{
    public KeyRequirement Requirement => requirement;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var keys = http.RequestServices.GetRequiredService<ApiKeys>();
        var logger = http.RequestServices.GetRequiredService<ILogger<KeyFilter>>();
        Caller? caller;
        if (requirement is KeyRequirement.Viewer or KeyRequirement.ViewerPage)
        {
            if (!http.RequestServices.GetRequiredService<IOptions<ViewerOptions>>().Value.RequireKey)
            {
                return await next(context);
            }

            if (requirement == KeyRequirement.ViewerPage && http.Request.Query.TryGetValue(ViewerCookie.QueryParameter, out var offered))
            {
                return OpenPage(http, keys, logger, offered.ToString());
            }

            caller = keys.Resolve(http.Request.Headers.Authorization) ?? keys.ResolveKey(http.Request.Cookies[ViewerCookie.Name]);
            if (caller is null)
            {
                LogUnauthorized(logger, http.Request.Path);
                return Unauthorized(http, "Cần khóa xem", "Trang và dữ liệu bảng xếp hạng cần khóa: gửi Authorization: Bearer <khóa>, hoặc mở trang một lần với ?key=<khóa>.");
            }
        }
        else
        {
            caller = keys.Resolve(http.Request.Headers.Authorization);
            if (caller is null)
            {
                LogUnauthorized(logger, http.Request.Path);
                return Unauthorized(http, "Thiếu khóa hoặc khóa không hợp lệ", "Gửi khóa trong tiêu đề Authorization: Bearer <khóa>.");
            }

            if (requirement == KeyRequirement.Admin && !caller.IsAdmin)
            {
                LogForbidden(logger, http.Request.Path, caller.Id);
                return Problem(StatusCodes.Status403Forbidden, "Khóa không có quyền quản trị", $"Thao tác này cần khóa quản trị; khóa '{caller.Name}' không phải khóa quản trị.");
            }

            if (requirement == KeyRequirement.Writer && !caller.CanWrite)
            {
                LogForbidden(logger, http.Request.Path, caller.Id);
                return Problem(StatusCodes.Status403Forbidden, "Khóa không có quyền ghi", $"Khóa '{caller.Name}' không được phép gửi sự kiện.");
            }
        }

        http.SetCaller(caller);
        return await next(context);
    }

    /// <summary>
    /// A page opened with <c>?key=</c>: the key becomes the viewer cookie and the browser is sent to the same address
    /// without it, so the key stays out of the address bar, the history and bookmarks.
    /// </summary>
    private static IResult OpenPage(HttpContext http, ApiKeys keys, ILogger logger, string key)
    {
        if (keys.ResolveKey(key) is null)
        {
            LogUnauthorized(logger, http.Request.Path);
            return Unauthorized(http, "Khóa xem không hợp lệ", "Khóa trong tham số key không tồn tại hoặc đã bị thu hồi.");
        }

        ViewerCookie.Append(http, key);
        var rest = QueryString.Create(http.Request.Query.Where(q => !string.Equals(q.Key, ViewerCookie.QueryParameter, StringComparison.OrdinalIgnoreCase)));
        return TypedResults.Redirect($"{http.Request.PathBase}{http.Request.Path}{rest}");
    }

    private static ProblemHttpResult Unauthorized(HttpContext http, string title, string detail)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return Problem(StatusCodes.Status401Unauthorized, title, detail);
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail });
}
