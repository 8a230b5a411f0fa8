namespace Leaderboard.Web.Api;

public static partial class EventsApi
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "POST /api/v1/events answered 503 (Retry-After 2): {Kind}: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string kind, string reason);
}
