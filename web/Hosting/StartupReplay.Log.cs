namespace Leaderboard.Web.Hosting;

public sealed partial class StartupReplay
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Journal replayed and boards ranked in {Seconds:F1} s: ready")]
    private partial void LogReady(double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Replay attempt {Attempt} failed; retrying")]
    private partial void LogRetry(Exception exception, int attempt);
}
