namespace Leaderboard.Web.Keys;

public sealed partial class KeyRefresher
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Không đọc được danh sách khóa từ kho; khóa đã nạp trước đó vẫn có hiệu lực cho đến khi đọc lại được")]
    private partial void LogFailing(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Đọc lại được danh sách khóa từ kho")]
    private partial void LogRecovered();
}
