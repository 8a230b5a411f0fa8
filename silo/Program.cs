using Leaderboard.Domain.Catalogue;
using Leaderboard.Grains.Hosting;
using Microsoft.Extensions.Options;

// A headless node: the same grains and storage as a web node, without HTTP.
try
{
    // Its settings and sample beside the program, wherever it is started from (a service unit has no working folder).
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
    SettingValues.CheckLogLevels(builder.Configuration);
    var connectionString = builder.Configuration.GetConnectionString("Leaderboard");
    builder.Services.AddLeaderboardStorage(builder.Configuration, connectionString, builder.Configuration["Leaderboard:DataPath"]);
    builder.UseOrleans(silo =>
    {
        silo.UseLeaderboardClustering(builder.Configuration, connectionString);
        silo.AddLeaderboardGrains(connectionString);
    });
    var host = builder.Build();
    SettingValues.CheckOptions(host.Services);
    await host.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is CatalogueException or NodeSetupException or OptionsValidationException)
{
    await Console.Error.WriteLineAsync($"Không khởi động được: {ex.Message}");
    return 2;
}
catch (OperationCanceledException)
{
    return 130;
}
