using Leaderboard.Domain.Catalogue;
using Microsoft.Extensions.Logging;

namespace Leaderboard.Grains.Boards;

internal sealed partial class BoardUpdateDispatcher
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} standing updates to board {Board} were not delivered; the next ones carry the latest numbers")]
    private partial void LogLost(Exception exception, BoardKey board, int count);
}
