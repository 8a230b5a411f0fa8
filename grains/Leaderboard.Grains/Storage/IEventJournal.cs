namespace Leaderboard.Grains.Storage;

/// <summary>
/// The durable journal of accepted events: the source of truth every number is rebuilt from.
/// Appends from all grains of a silo are group-committed; a returned task completes only once its entries are durable.
/// </summary>
public interface IEventJournal
{
    /// <summary>
    /// Appends entries of one shard, deciding idempotency by event id in the same commit. One outcome per entry, in order.
    /// Throws <see cref="Leaderboard.Abstractions.StorageUnavailableException"/> when storage cannot be reached; nothing is then acknowledged.
    /// </summary>
    Task<IReadOnlyList<AppendOutcome>> AppendAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>The shard's entries with a sequence above <paramref name="afterSequence"/>, in sequence order.</summary>
    IAsyncEnumerable<JournalEntry> ReadShardAsync(int shard, long afterSequence, CancellationToken cancellationToken = default);

    /// <summary>True when storage answers now (readiness).</summary>
    Task<bool> IsAvailableAsync(CancellationToken cancellationToken = default);

    /// <summary>True for an in-memory journal that loses everything with the process (said at start-up).</summary>
    bool IsVolatile { get; }
}
