using Leaderboard.Domain.Catalogue;
using Leaderboard.Grains.Hosting;
using Leaderboard.Web.Hosting;
using Microsoft.Extensions.Options;

try
{
    await LeaderboardApp.Create(args).RunAsync();
    return 0;
}
catch (Exception ex) when (ex is CatalogueException or NodeSetupException or OptionsValidationException)
{
    // Bad organisation data, a database that is not there, a missing setting: the words, not a stack trace.
    var what = ex is CatalogueException ? "dữ liệu tổ chức không hợp lệ. " : string.Empty;
    await Console.Error.WriteLineAsync($"Không khởi động được: {what}{ex.Message}");
    return 2;
}
catch (OperationCanceledException)
{
    // Stopped (Ctrl-C) while still starting, waiting for the database, say.
    return 130;
}
