namespace Leaderboard.Web.Hubs;

public sealed partial class GrainObserverBridge
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing grain observer subscriptions failed; retrying at the next renewal")]
    private partial void LogRenewFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A push to hub clients failed")]
    private partial void LogPushFailed(Exception exception);
}
