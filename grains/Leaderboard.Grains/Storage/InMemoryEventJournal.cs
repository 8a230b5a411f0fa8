using System.Runtime.CompilerServices;

namespace Leaderboard.Grains.Storage;

/// <summary>
/// The embedded journal: the same outcomes as the PostgreSQL one, kept in memory only. Appends of all callers
/// are serialised by one lock; an append is decided entry by entry in order, exactly like one group commit.
/// </summary>
public sealed class InMemoryEventJournal : IEventJournal
{
    private const int ReadPageSize = 1024;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, JournalEntry> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<int, SortedList<long, JournalEntry>> _shards = [];

    public bool IsVolatile => true;

    public Task<IReadOnlyList<AppendOutcome>> AppendAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        cancellationToken.ThrowIfCancellationRequested();
        var outcomes = new AppendOutcome[entries.Count];
        lock (_lock)
        {
            for (var i = 0; i < entries.Count; i++)
            {
                outcomes[i] = AppendOne(entries[i]);
            }
        }

        return Task.FromResult<IReadOnlyList<AppendOutcome>>(outcomes);
    }

    public async IAsyncEnumerable<JournalEntry> ReadShardAsync(int shard, long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var after = afterSequence;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = ReadPage(shard, after);
            foreach (var entry in page)
            {
                yield return entry;
            }

            if (page.Count < ReadPageSize)
            {
                yield break;
            }

            after = page[^1].Sequence;
            await Task.Yield();
        }
    }

    public Task<bool> IsAvailableAsync(CancellationToken cancellationToken = default) => Task.FromResult(true);

    private AppendOutcome AppendOne(JournalEntry entry)
    {
        if (_byId.TryGetValue(entry.EventId, out var existing))
        {
            return existing.ContentHash.AsSpan().SequenceEqual(entry.ContentHash) ? AppendOutcome.Duplicate : AppendOutcome.Conflict;
        }

        if (!_shards.TryGetValue(entry.Shard, out var shard))
        {
            shard = [];
            _shards.Add(entry.Shard, shard);
        }

        if (shard.ContainsKey(entry.Sequence))
        {
            return AppendOutcome.SequenceTaken;
        }

        // Callers may reuse their arrays: keep a copy of what was journaled.
        var stored = entry with { ContentHash = [.. entry.ContentHash], Content = [.. entry.Content] };
        _byId.Add(stored.EventId, stored);
        shard.Add(stored.Sequence, stored);
        return AppendOutcome.Appended;
    }

    private List<JournalEntry> ReadPage(int shard, long afterSequence)
    {
        lock (_lock)
        {
            var page = new List<JournalEntry>();
            if (!_shards.TryGetValue(shard, out var entries))
            {
                return page;
            }

            var keys = entries.Keys;
            var index = LowerBoundAbove(keys, afterSequence);
            for (; index < keys.Count && page.Count < ReadPageSize; index++)
            {
                page.Add(entries.Values[index]);
            }

            return page;
        }
    }

    private static int LowerBoundAbove(IList<long> keys, long afterSequence)
    {
        int low = 0, high = keys.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (keys[middle] <= afterSequence)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
