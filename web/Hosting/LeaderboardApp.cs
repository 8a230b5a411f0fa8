using Leaderboard.Grains.Hosting;

namespace Leaderboard.Web.Hosting;

/// <summary>Builds a web node from command-line style arguments (the same ones <c>dotnet run --project web</c> takes).</summary>
public static class LeaderboardApp
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot.Choose(args) });
        ContentRoot.FindPages(builder);
        configure?.Invoke(builder);
        SettingValues.CheckLogLevels(builder.Configuration);
        builder.AddLeaderboard();
        var app = builder.Build();
        SettingValues.CheckOptions(app.Services);
        app.MapLeaderboard();
        return app;
    }
}
