using Microsoft.Extensions.Logging;

namespace Leaderboard.Grains.Hosting;

internal sealed partial class SchemaMigrationService
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL not reachable for the schema migrations (attempt {Attempt}); waiting")]
    private partial void LogWaiting(Exception exception, int attempt);
}
