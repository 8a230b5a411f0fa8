using Microsoft.Extensions.Logging;

namespace Leaderboard.Grains.Units;

internal sealed partial class UnitGrain
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Unit {Unit} re-read the contribution of ledger shard {Shard} (a gap or a restarted shard)")]
    private partial void LogResynchronised(string unit, int shard);
}
