using Microsoft.Extensions.Logging;

namespace Leaderboard.Grains.Ledger;

internal sealed partial class LedgerShardGrain
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Ledger shard {Shard} active: {Dossiers} dossiers, {Replayed} journal entries replayed in {Milliseconds:F0} ms")]
    private partial void LogActivated(int shard, int dossiers, int replayed, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ledger shard {Shard}: another activation journaled past this one; deactivating without applying")]
    private partial void LogStaleActivation(int shard);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ledger shard {Shard}: snapshot at sequence {Sequence}, {Bytes} bytes")]
    private partial void LogSnapshotWritten(int shard, long sequence, int bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ledger shard {Shard}: snapshot not written; replay will be longer. Next attempt in {Wait}")]
    private partial void LogSnapshotFailed(Exception exception, int shard, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ledger shard {Shard}: snapshot still not written ({Failures} attempts: {Reason}). Next attempt in {Wait}")]
    private partial void LogSnapshotStillFailing(int shard, int failures, string reason, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ledger shard {Shard}: snapshot written again after {Failures} failed attempts")]
    private partial void LogSnapshotRecovered(int shard, int failures);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ledger shard {Shard}: no re-read for {Quiet}; unit totals dropped until the next")]
    private partial void LogTotalsDropped(int shard, TimeSpan quiet);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ledger shard {Shard} rebuilt its unit totals for catalogue revision {Revision}")]
    private partial void LogCatalogueFollowed(int shard, long revision);
}
