namespace Leaderboard.Web.Hosting;

internal sealed partial class TransientFailureHandler
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered 503: a transient failure of storage or of the cluster")]
    private partial void LogTransient(Exception exception, string method, string path);
}
