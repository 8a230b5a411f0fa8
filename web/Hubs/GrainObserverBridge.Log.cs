using Leaderboard.Domain.Catalogue;

namespace Leaderboard.Web.Hubs;

public sealed partial class GrainObserverBridge
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing grain observer subscriptions failed; retrying at the next renewal")]
    private partial void LogRenewFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} silo(s) left the cluster: re-subscribing to the boards and units")]
    private partial void LogRenewingAfterDeath(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A push to hub clients failed")]
    private partial void LogPushFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Board {Board} was ahead of this node's clients (epoch {Epoch}, version {Version}): sent it whole")]
    private partial void LogCaughtUp(BoardKey board, long epoch, long version);
}
