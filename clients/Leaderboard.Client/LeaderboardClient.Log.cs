using Microsoft.Extensions.Logging;

namespace Leaderboard.Client;

public sealed partial class LeaderboardClient
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending {Count} events failed (status {Status}); retry {Attempt} in {Delay}")]
    private static partial void LogRetry(ILogger logger, Exception? exception, int count, int? status, int attempt, TimeSpan delay);
}
