using Microsoft.Extensions.Logging;

namespace Leaderboard.Grains.Units;

internal sealed partial class UnitUpdateDispatcher
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Deltas} deltas and {Ranks} rank notices to unit {Unit} were not delivered; the unit resynchronises at the next delta")]
    private partial void LogLost(Exception exception, string unit, int deltas, int ranks);

    [LoggerMessage(Level = LogLevel.Information, Message = "Surge: this silo applied {EventsPerSecond:F0} events in the last second; units publish at most every {Spacing} until it falls below half the threshold")]
    private partial void LogSurgeStarted(double eventsPerSecond, TimeSpan spacing);

    [LoggerMessage(Level = LogLevel.Information, Message = "Surge over ({EventsPerSecond:F0} events in the last second); units publish at most every {Spacing} again")]
    private partial void LogSurgeEnded(double eventsPerSecond, TimeSpan spacing);
}
