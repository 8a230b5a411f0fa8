using Leaderboard.Domain.Catalogue;
using Leaderboard.Web.Hosting;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddLeaderboard();
    var app = builder.Build();
    app.MapLeaderboard();
    await app.RunAsync();
    return 0;
}
catch (CatalogueException ex)
{
    // Bad organisation data stops the start with the file, line and field, not a stack trace.
    await Console.Error.WriteLineAsync($"Không khởi động được: dữ liệu tổ chức không hợp lệ. {ex.Message}");
    return 2;
}

/// <summary>The web node's entry point (public for the tests' WebApplicationFactory).</summary>
public partial class Program;
