using Leaderboard.Domain.Catalogue;
using Microsoft.Extensions.Logging;

namespace Leaderboard.Grains.Boards;

internal sealed partial class BoardGrain
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Board {Board} reloaded for catalogue revision {Revision}")]
    private partial void LogReloaded(BoardKey board, long revision);

    [LoggerMessage(Level = LogLevel.Information, Message = "Board {Board} pulled changed standings from its units after a node left the cluster")]
    private partial void LogResynchronised(BoardKey board);
}
