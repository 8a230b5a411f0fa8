namespace Leaderboard.Web.Hosting;

public sealed partial class StartupBanner
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Bảng xếp hạng thi đua đang chạy tại {Url}  (wall display: {Url}/wall)")]
    private partial void LogListening(string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chế độ nhúng (embedded): sự kiện chỉ được giữ trong bộ nhớ và mất khi dừng tiến trình. Đặt ConnectionStrings:Leaderboard để dùng PostgreSQL.")]
    private partial void LogEmbedded();
}
