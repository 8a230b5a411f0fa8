namespace Leaderboard.Web.Demo;

public sealed partial class DemoFeed
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Demo feed: playing '{Campaign}' at {SecondsPerDay} s per campaign day")]
    private partial void LogStarted(string campaign, double secondsPerDay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo feed: '{Campaign}' played to its last day; the pages now show it as ended")]
    private partial void LogFinished(string campaign);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo feed: {Count} events rejected (first: {Field}: {Error})")]
    private partial void LogRejected(int count, string field, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo feed: a batch was not accepted")]
    private partial void LogSendFailed(Exception exception);
}
