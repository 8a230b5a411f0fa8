namespace Leaderboard.Web.Api;

/// <summary>The HTML pages: the board page is <c>/</c> (index.html); the wall display and unit pages have their own files.</summary>
public static class PagesApi
{
    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/wall", (IWebHostEnvironment env) => Page(env, "wall.html")).ExcludeFromDescription();
        app.MapGet("/units/{unit}", (string unit, IWebHostEnvironment env) => Page(env, "unit.html")).ExcludeFromDescription();
        return app;
    }

    private static IResult Page(IWebHostEnvironment env, string file)
    {
        var info = env.WebRootFileProvider.GetFileInfo(file);
        return info.Exists ? Results.File(info.CreateReadStream(), "text/html; charset=utf-8") : Results.Redirect("/");
    }
}
