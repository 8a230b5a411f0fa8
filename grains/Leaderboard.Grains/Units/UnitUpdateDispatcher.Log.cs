using Microsoft.Extensions.Logging;

namespace Leaderboard.Grains.Units;

internal sealed partial class UnitUpdateDispatcher
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Deltas} deltas and {Ranks} rank notices to unit {Unit} were not delivered; the unit resynchronises at the next delta")]
    private partial void LogLost(Exception exception, string unit, int deltas, int ranks);
}
