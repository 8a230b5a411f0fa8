using Leaderboard.Web.Keys;

namespace Leaderboard.Web.Api;

/// <summary>
/// The HTML pages: the board page <c>/</c>, the wall display and unit pages, each behind the viewer check (open by
/// default). The page files are mapped too, so the static files middleware never serves them around that check.
/// The API reference <c>/docs/api</c> stays open.
/// </summary>
public static class PagesApi
{
    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder app)
    {
        Viewer(app.MapMethods("/", GetOrHead, (IWebHostEnvironment env) => Page(env, "index.html")));
        Viewer(app.MapMethods("/wall", GetOrHead, (IWebHostEnvironment env) => Page(env, "wall.html")));
        Viewer(app.MapMethods("/units/{unit}", GetOrHead, (string unit, IWebHostEnvironment env) => Page(env, "unit.html")));
        Viewer(app.MapMethods("/{page}.html", GetOrHead, (string page, IWebHostEnvironment env) =>
            env.WebRootFileProvider.GetFileInfo($"{page}.html") is { Exists: true, IsDirectory: false } info
                ? Results.File(info.CreateReadStream(), "text/html; charset=utf-8")
                : Results.NotFound()));
        app.MapMethods("/docs/api", GetOrHead, (IWebHostEnvironment env) => Page(env, "docs/api/index.html")).ExcludeFromDescription();
        return app;
    }

    private static void Viewer(RouteHandlerBuilder page) => page.RequireKey(KeyRequirement.ViewerPage).ExcludeFromDescription();

    private static IResult Page(IWebHostEnvironment env, string file)
    {
        var info = env.WebRootFileProvider.GetFileInfo(file);
        // A missing page is the node's set-up, not the visitor's request: say where it looked (a redirect to "/" looped).
        return info.Exists
            ? Results.File(info.CreateReadStream(), "text/html; charset=utf-8")
            : Results.Problem(
                title: "Không tìm thấy các trang của máy chủ",
                detail: $"Không có {file} trong {env.WebRootPath ?? Path.Combine(env.ContentRootPath, "wwwroot")}. "
                    + "Chạy máy chủ bằng dotnet run --project web, hoặc từ thư mục của bản publish (dotnet publish web), hoặc chỉ thư mục đó bằng --contentRoot.",
                statusCode: StatusCodes.Status500InternalServerError);
    }
}
