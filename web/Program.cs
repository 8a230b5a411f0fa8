using Leaderboard.Domain.Catalogue;
using Leaderboard.Web.Hosting;

try
{
    await LeaderboardApp.Create(args).RunAsync();
    return 0;
}
catch (CatalogueException ex)
{
    // Bad organisation data stops the start with the file, line and field, not a stack trace.
    await Console.Error.WriteLineAsync($"Không khởi động được: dữ liệu tổ chức không hợp lệ. {ex.Message}");
    return 2;
}
