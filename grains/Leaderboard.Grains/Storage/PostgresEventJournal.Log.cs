using Microsoft.Extensions.Logging;

namespace Leaderboard.Grains.Storage;

public sealed partial class PostgresEventJournal
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Journal storage unavailable: a group of {Callers} appends ({Rows} rows) was not committed")]
    private partial void LogGroupUnavailable(Exception exception, int callers, int rows);

    [LoggerMessage(Level = LogLevel.Error, Message = "Journal group commit failed: {Callers} appends ({Rows} rows) were not committed")]
    private partial void LogGroupFailed(Exception exception, int callers, int rows);
}
