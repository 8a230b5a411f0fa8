using Microsoft.Extensions.Logging;

namespace Leaderboard.Grains.Units;

internal sealed partial class UnitDeltaDispatcher
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} deltas to unit {Unit} were not delivered; the unit resynchronises at the next one")]
    private partial void LogLost(Exception exception, string unit, int count);
}
