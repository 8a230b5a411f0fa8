using Microsoft.Extensions.Logging;

namespace Leaderboard.Grains.Hosting;

internal sealed partial class ClusterRecovery
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo(s) {Silos} declared dead: re-activating the ledger shards and re-pulling the boards")]
    private partial void LogSiloDied(IReadOnlyList<SiloExit> silos);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo(s) {Silos} stopped and left the cluster: re-activating the ledger shards and re-pulling the boards")]
    private partial void LogSiloStopped(IReadOnlyList<SiloExit> silos);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovered after a silo left in {Milliseconds:F0} ms: every shard active, every board re-pulled")]
    private partial void LogRecovered(double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovery after a silo's death failed (attempt {Attempt}); retrying")]
    private partial void LogRetry(Exception exception, int attempt);
}
