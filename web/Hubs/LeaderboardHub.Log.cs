namespace Leaderboard.Web.Hubs;

public sealed partial class LeaderboardHub
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Hub upload by '{Caller}' ended: {Events} events in {Groups} groups")]
    private partial void LogUploadEnded(string caller, int events, int groups);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Hub upload by '{Caller}' waited {WaitedMs} ms for its key's rate limit before the group at {Index}")]
    private partial void LogUploadThrottled(string caller, int index, double waitedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hub upload by '{Caller}' stopped: storage unavailable after {Events} events")]
    private partial void LogUploadUnavailable(Exception exception, string caller, int events);
}
