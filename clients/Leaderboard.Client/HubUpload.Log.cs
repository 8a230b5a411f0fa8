using Microsoft.Extensions.Logging;

namespace Leaderboard.Client;

internal sealed partial class HubUpload
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "The upload stream broke with {Unacknowledged} events unacknowledged; reconnect {Attempt} in {Delay}")]
    private static partial void LogReconnect(ILogger logger, Exception? exception, int unacknowledged, int attempt, TimeSpan delay);
}
