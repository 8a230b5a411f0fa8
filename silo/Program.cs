using Leaderboard.Domain.Catalogue;
using Leaderboard.Grains.Hosting;

// A headless node: the same grains and storage as a web node, without HTTP.
var builder = Host.CreateApplicationBuilder(args);
var connectionString = builder.Configuration.GetConnectionString("Leaderboard");
var dataPath = builder.Configuration["Leaderboard:DataPath"];
builder.Services.AddLeaderboardStorage(builder.Configuration, connectionString, string.IsNullOrWhiteSpace(dataPath) ? CatalogueLoader.DefaultFolder : dataPath);
builder.UseOrleans(silo =>
{
    silo.UseLeaderboardClustering(builder.Configuration, connectionString);
    silo.AddLeaderboardGrains(connectionString);
});
await builder.Build().RunAsync();
