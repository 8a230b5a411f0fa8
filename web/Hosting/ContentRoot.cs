using Microsoft.AspNetCore.Hosting.StaticWebAssets;

namespace Leaderboard.Web.Hosting;

/// <summary>
/// Where the node finds <c>appsettings.json</c> and its pages when it is started from another folder than its own (a
/// service unit without a working directory, <c>dotnet /opt/leaderboard/Leaderboard.Web.dll</c>): ASP.NET Core takes
/// the current folder, where there are neither, so every page redirected to <c>/</c>, itself a redirect.
/// </summary>
internal static class ContentRoot
{
    private const string Pages = "wwwroot";

    /// <summary>
    /// The current folder when it holds the pages or a content root is given (<c>--contentRoot</c>, or the environment);
    /// otherwise the application's own folder, where a build or a publish puts <c>appsettings.json</c> (and a publish
    /// the pages).
    /// </summary>
    public static string? Choose(string[] args)
    {
        var given = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is not null
            || Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT") is not null;
        return given || Directory.Exists(Path.Combine(Directory.GetCurrentDirectory(), Pages)) ? null : AppContext.BaseDirectory;
    }

    /// <summary>
    /// A build (not a publish) has no pages of its own, only a manifest pointing at the project's <c>wwwroot</c>, which
    /// ASP.NET Core reads in Development only: read it whatever the environment when the content root has no pages.
    /// </summary>
    public static void FindPages(WebApplicationBuilder builder)
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, $"{builder.Environment.ApplicationName}.staticwebassets.runtime.json");
        if (!builder.Environment.IsDevelopment() && !Directory.Exists(Path.Combine(builder.Environment.ContentRootPath, Pages)) && File.Exists(manifest))
        {
            StaticWebAssetsLoader.UseStaticWebAssets(builder.Environment, builder.Configuration);
        }
    }
}
