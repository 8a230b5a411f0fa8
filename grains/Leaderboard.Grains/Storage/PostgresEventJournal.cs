using System.Data;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Leaderboard.Abstractions;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Leaderboard.Grains.Storage;

/// <summary>
/// The durable journal in PostgreSQL. One instance per process (a singleton): its writers gather the pending appends
/// of every grain and write each group in one transaction, so a batch spread over many shards costs one commit. A
/// caller's task completes only after COMMIT.
/// </summary>
/// <remarks>
/// <para>
/// A group is written by binary COPY, the cheapest way into PostgreSQL, when every row looks new: ids this process
/// committed lately with the same content are answered Duplicate from memory (see <see cref="RecentIds"/>), and an id
/// repeated inside the group is decided against its first occurrence. When COPY meets a unique key anyway (an id
/// journaled by another node or long ago, an id re-used with other content, or a shard sequence taken by another
/// activation) nothing of it is stored, and the group goes
/// through <c>INSERT … ON CONFLICT DO NOTHING RETURNING</c> and a look-up of the ids not inserted, in a new transaction.
/// </para>
/// <para>
/// Two writers by default: while one group waits for its commit to reach the disk, the next is already being sent,
/// and the node's cores are not left idle for the length of a flush. A shard has one append in flight at a time, so
/// two groups share an id only when it was re-used with other content (another dossier, another shard); then the
/// later COPY waits for the earlier commit and meets its key. Ids crossing in two groups can deadlock: PostgreSQL
/// picks a victim, whose group takes the fallback below.
/// </para>
/// <para>
/// A caller's entries are never split across groups, so one append is all in or all out. When storage cannot be
/// reached every caller of the group gets <see cref="StorageUnavailableException"/>; nothing is retried here,
/// because the client's retry is safe (what did commit comes back as duplicates).
/// </para>
/// </remarks>
public sealed partial class PostgresEventJournal : IEventJournal, IAsyncDisposable
{
    /// <summary>Default cap on the rows of one group commit.</summary>
    public const int DefaultMaxGroupRows = 10_000;

    /// <summary>Default number of groups written at the same time.</summary>
    public const int DefaultWriters = 2;

    /// <summary>Default number of recently committed ids this process answers duplicates for without asking the database.</summary>
    public const int DefaultRecentIds = 100_000;

    private const int ReadPageSize = 2_000;

    private const string CopySql =
        "COPY journal (event_id, shard, seq, unit, counted_for, dossier, content_hash, content) FROM STDIN (FORMAT BINARY)";

    private const string InsertSql =
        """
        INSERT INTO journal (event_id, shard, seq, unit, counted_for, dossier, content_hash, content)
        SELECT t.event_id, t.shard, t.seq, t.unit, t.counted_for, t.dossier, t.content_hash, t.content
        FROM unnest($1::text[], $2::integer[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::bytea[], $8::text[])
             WITH ORDINALITY AS t(event_id, shard, seq, unit, counted_for, dossier, content_hash, content, ord)
        ORDER BY t.ord
        ON CONFLICT DO NOTHING
        RETURNING event_id, shard, seq
        """;

    private const string LookupSql = "SELECT event_id, content_hash FROM journal WHERE event_id = ANY($1::text[])";

    private const string ReadSql =
        """
        SELECT event_id, shard, seq, unit, counted_for, dossier, content_hash, content
        FROM journal
        WHERE shard = $1 AND seq > $2
        ORDER BY seq
        LIMIT $3
        """;

    private static readonly string[] DurabilitySettingNames = ["synchronous_commit", "fsync", "wal_sync_method", "full_page_writes"];

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger<PostgresEventJournal> _logger;
    private readonly int _maxGroupRows;
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = false });
    private readonly Task[] _writers;
    private readonly RecentIds _recent;
    private long _commits;
    private long _copyFallbacks;
    private long _rowsCommitted;

    public PostgresEventJournal(
        NpgsqlDataSource dataSource,
        ILogger<PostgresEventJournal> logger,
        int maxGroupRows = DefaultMaxGroupRows,
        int recentIds = DefaultRecentIds,
        int writers = DefaultWriters)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxGroupRows, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(recentIds);
        ArgumentOutOfRangeException.ThrowIfLessThan(writers, 1);
        _dataSource = dataSource;
        _logger = logger;
        _maxGroupRows = maxGroupRows;
        _recent = new RecentIds(recentIds);
        _writers = new Task[writers];
        for (var i = 0; i < writers; i++)
        {
            _writers[i] = Task.Run(RunWriterAsync);
        }
    }

    public bool IsVolatile => false;

    /// <summary>Group commits done so far (successful ones).</summary>
    public long CommitCount => Interlocked.Read(ref _commits);

    /// <summary>Rows offered to successful group commits so far (appended or not).</summary>
    public long RowsCommitted => Interlocked.Read(ref _rowsCommitted);

    /// <summary>Groups whose COPY met an id or a sequence already journaled and went the ON CONFLICT way instead.</summary>
    public long CopyFallbacks => Interlocked.Read(ref _copyFallbacks);

    public Task<IReadOnlyList<AppendOutcome>> AppendAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        cancellationToken.ThrowIfCancellationRequested();
        if (entries.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<AppendOutcome>>([]);
        }

        var pending = new PendingAppend(entries);
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);

        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(static (state, token) => ((PendingAppend)state!).TryCancel(token), pending);
            _ = pending.Task.ContinueWith(static (_, state) => ((CancellationTokenRegistration)state!).Dispose(), registration, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return pending.Task;
    }

    public async IAsyncEnumerable<JournalEntry> ReadShardAsync(int shard, long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Keyset pages on (shard, seq): no connection is held while the caller works through a page.
        var after = afterSequence;
        while (true)
        {
            var page = await ReadPageAsync(shard, after, cancellationToken).ConfigureAwait(false);
            foreach (var entry in page)
            {
                yield return entry;
            }

            if (page.Count < ReadPageSize)
            {
                yield break;
            }

            after = page[^1].Sequence;
        }
    }

    public async Task<bool> IsAvailableAsync(CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            await using var command = _dataSource.CreateCommand("SELECT 1");
            command.CommandTimeout = 2;
            await command.ExecuteScalarAsync(timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (IsUnavailable(exception) || exception is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>The server's durability settings (synchronous_commit, fsync, wal_sync_method, full_page_writes).</summary>
    public async Task<IReadOnlyDictionary<string, string>> DurabilitySettingsAsync(CancellationToken cancellationToken = default)
    {
        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        try
        {
            await using var command = _dataSource.CreateCommand("SELECT name, setting FROM pg_settings WHERE name = ANY($1::text[])");
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = DurabilitySettingNames });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                settings[reader.GetString(0)] = reader.GetString(1);
            }
        }
        catch (Exception exception) when (IsUnavailable(exception))
        {
            throw Unavailable(exception);
        }

        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_writers).ConfigureAwait(false);
    }

    private async Task RunWriterAsync()
    {
        // Several writers read the queue: an append is taken with TryRead only (a peeked one may go to another
        // writer), and one that would overfill this group is carried to this writer's next group.
        var reader = _queue.Reader;
        var group = new List<PendingAppend>();
        PendingAppend? carried = null;
        while (carried is not null || await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            group.Clear();
            var rows = 0;
            if (carried is not null)
            {
                group.Add(carried);
                rows = carried.Entries.Count;
                carried = null;
            }

            while (reader.TryRead(out var next))
            {
                if (!next.TryClaim())
                {
                    continue;
                }

                if (group.Count > 0 && rows + next.Entries.Count > _maxGroupRows)
                {
                    carried = next;
                    break;
                }

                group.Add(next);
                rows += next.Entries.Count;
            }

            if (group.Count > 0)
            {
                await CommitGroupAsync(group, rows).ConfigureAwait(false);
            }
        }
    }

    private async Task CommitGroupAsync(List<PendingAppend> group, int rows)
    {
        try
        {
            var outcomes = await WriteAsync(group, rows).ConfigureAwait(false);
            Interlocked.Increment(ref _commits);
            Interlocked.Add(ref _rowsCommitted, rows);
            var offset = 0;
            foreach (var pending in group)
            {
                pending.Complete(new ArraySegment<AppendOutcome>(outcomes, offset, pending.Entries.Count));
                offset += pending.Entries.Count;
            }
        }
        catch (Exception exception) when (IsUnavailable(exception))
        {
            LogGroupUnavailable(exception, group.Count, rows);
            var unavailable = Unavailable(exception);
            foreach (var pending in group)
            {
                pending.Fail(unavailable);
            }
        }
        catch (Exception exception)
        {
            LogGroupFailed(exception, group.Count, rows);
            foreach (var pending in group)
            {
                pending.Fail(exception);
            }
        }
    }

    private async Task<AppendOutcome[]> WriteAsync(List<PendingAppend> group, int rows)
    {
        var entries = new JournalEntry[rows];
        var row = 0;
        foreach (var pending in group)
        {
            foreach (var entry in pending.Entries)
            {
                entries[row++] = entry;
            }
        }

        // An id this process committed lately with the same content is answered from memory: the journal never forgets
        // an id, so the answer is the one the database would give. The first occurrence of every other id goes to COPY
        // (an id re-used with other content meets its key there, and the fallback tells it apart); a later occurrence
        // in the group is decided against the first once it is in.
        var outcomes = new AppendOutcome[rows];
        var firstRowOf = new Dictionary<string, int>(rows, StringComparer.Ordinal);
        var fresh = new List<int>(rows);
        var repeats = new List<int>();
        lock (_recent)
        {
            for (var i = 0; i < rows; i++)
            {
                var entry = entries[i];
                if (_recent.IsDuplicate(entry.EventId, entry.ContentHash))
                {
                    outcomes[i] = AppendOutcome.Duplicate;
                }
                else if (firstRowOf.TryAdd(entry.EventId, i))
                {
                    fresh.Add(i);
                }
                else
                {
                    repeats.Add(i);
                }
            }
        }

        if (fresh.Count == 0)
        {
            return outcomes;
        }

        await using var connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
        if (await TryCopyAsync(connection, entries, fresh).ConfigureAwait(false))
        {
            foreach (var i in fresh)
            {
                outcomes[i] = AppendOutcome.Appended;
            }

            Remember(entries, fresh);

            foreach (var i in repeats)
            {
                var first = entries[firstRowOf[entries[i].EventId]];
                outcomes[i] = SameHash(first.ContentHash, entries[i].ContentHash) ? AppendOutcome.Duplicate : AppendOutcome.Conflict;
            }

            return outcomes;
        }

        // Some id was already journaled (by another node, or before this process's memory), or a sequence was
        // taken: the statement that tells each row apart decides, in a fresh transaction.
        Interlocked.Increment(ref _copyFallbacks);
        fresh.AddRange(repeats);
        fresh.Sort();
        await InsertOrLookupAsync(connection, entries, fresh, outcomes).ConfigureAwait(false);
        fresh.RemoveAll(i => outcomes[i] != AppendOutcome.Appended);
        Remember(entries, fresh);
        return outcomes;
    }

    /// <summary>
    /// Binary COPY of the given rows in a transaction of their own, committed: true. False, with nothing stored, when
    /// a row breaks a unique key (an id already journaled, a shard sequence already taken), or when PostgreSQL chose
    /// this transaction as the victim of a deadlock with another group over ids they share.
    /// </summary>
    private static async Task<bool> TryCopyAsync(NpgsqlConnection connection, JournalEntry[] entries, List<int> rows)
    {
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted).ConfigureAwait(false);
        try
        {
            using var data = new JournalCopyData(entries, rows);
            await using (var copy = await connection.BeginRawBinaryCopyAsync(CopySql).ConfigureAwait(false))
            {
                await copy.WriteAsync(data.Data).ConfigureAwait(false);
            }
        }
        catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DeadlockDetected)
        {
            return false;
        }

        await transaction.CommitAsync().ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// The slow path: inserts the given rows with ON CONFLICT DO NOTHING and looks up the ids that were not
    /// inserted, so each row is told apart (appended, duplicate, conflict, sequence taken); then commits.
    /// </summary>
    private static async Task InsertOrLookupAsync(NpgsqlConnection connection, JournalEntry[] entries, List<int> subset, AppendOutcome[] result)
    {
        var rows = subset.Count;
        var ids = new string[rows];
        var shards = new int[rows];
        var sequences = new long[rows];
        var units = new string[rows];
        var countedFor = new string?[rows];
        var dossiers = new string[rows];
        var hashes = new byte[rows][];
        var contents = new byte[rows][];
        for (var row = 0; row < rows; row++)
        {
            var entry = entries[subset[row]];
            ids[row] = entry.EventId;
            shards[row] = entry.Shard;
            sequences[row] = entry.Sequence;
            units[row] = entry.Unit;
            countedFor[row] = entry.CountedFor;
            dossiers[row] = entry.Dossier;
            hashes[row] = entry.ContentHash;
            contents[row] = entry.Content;
        }

        var outcomes = new AppendOutcome[rows];
        var appended = new bool[rows];
        var insertedRowOf = new Dictionary<string, int>(rows, StringComparer.Ordinal);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted).ConfigureAwait(false);

        await using (var insert = new NpgsqlCommand(InsertSql, connection, transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = ids });
            insert.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = shards });
            insert.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = sequences });
            insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = units });
            insert.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = countedFor, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = dossiers });
            insert.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = hashes, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
            insert.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = contents, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });

            // Rows are inserted in arrival order, so when one id occurs twice in a group the first occurrence is
            // the one inserted; a returned row is matched to the first input row with its id, shard and sequence.
            var firstRowOf = new Dictionary<(string Id, int Shard, long Sequence), int>(rows);
            for (var i = rows - 1; i >= 0; i--)
            {
                firstRowOf[(ids[i], shards[i], sequences[i])] = i;
            }

            await using var reader = await insert.ExecuteReaderAsync().ConfigureAwait(false);
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                var index = firstRowOf[(reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2))];
                appended[index] = true;
                insertedRowOf[ids[index]] = index;
                outcomes[index] = AppendOutcome.Appended;
            }
        }

        // An id inserted by a later row of this group did not exist when an earlier row was tried: that earlier
        // row lost on its (shard, seq). Otherwise the stored content decides, as it would for the next group.
        var missing = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rows; i++)
        {
            if (appended[i])
            {
                continue;
            }

            if (insertedRowOf.TryGetValue(ids[i], out var inserted))
            {
                outcomes[i] = inserted > i
                    ? AppendOutcome.SequenceTaken
                    : (SameHash(hashes[inserted], hashes[i]) ? AppendOutcome.Duplicate : AppendOutcome.Conflict);
            }
            else
            {
                missing.Add(ids[i]);
            }
        }

        if (missing.Count > 0)
        {
            var stored = new Dictionary<string, byte[]>(missing.Count, StringComparer.Ordinal);
            await using (var lookup = new NpgsqlCommand(LookupSql, connection, transaction))
            {
                lookup.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. missing] });
                await using var reader = await lookup.ExecuteReaderAsync().ConfigureAwait(false);
                while (await reader.ReadAsync().ConfigureAwait(false))
                {
                    stored[reader.GetString(0)] = reader.GetFieldValue<byte[]>(1);
                }
            }

            for (var i = 0; i < rows; i++)
            {
                if (appended[i] || insertedRowOf.ContainsKey(ids[i]))
                {
                    continue;
                }

                outcomes[i] = stored.TryGetValue(ids[i], out var hash)
                    ? (SameHash(hash, hashes[i]) ? AppendOutcome.Duplicate : AppendOutcome.Conflict)
                    : AppendOutcome.SequenceTaken;
            }
        }

        await transaction.CommitAsync().ConfigureAwait(false);
        for (var row = 0; row < rows; row++)
        {
            result[subset[row]] = outcomes[row];
        }
    }

    private static bool SameHash(byte[] a, byte[] b) => a.AsSpan().SequenceEqual(b);

    private void Remember(JournalEntry[] entries, List<int> appended)
    {
        lock (_recent)
        {
            foreach (var i in appended)
            {
                _recent.Add(entries[i].EventId, entries[i].ContentHash);
            }
        }
    }

    private async Task<List<JournalEntry>> ReadPageAsync(int shard, long afterSequence, CancellationToken cancellationToken)
    {
        var page = new List<JournalEntry>();
        try
        {
            await using var command = _dataSource.CreateCommand(ReadSql);
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = shard });
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterSequence });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = ReadPageSize });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                page.Add(new JournalEntry(
                    reader.GetString(0),
                    reader.GetInt32(1),
                    reader.GetInt64(2),
                    reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.GetString(5),
                    reader.GetFieldValue<byte[]>(6),
                    reader.GetFieldValue<byte[]>(7)));
            }
        }
        catch (Exception exception) when (IsUnavailable(exception))
        {
            throw Unavailable(exception);
        }

        return page;
    }

    private StorageUnavailableException Unavailable(Exception exception)
    {
        // Idle connections of a server that went away are broken too: drop them so the next attempt opens fresh ones.
        _dataSource.Clear();
        return new StorageUnavailableException("The event journal (PostgreSQL) cannot be reached.", exception);
    }

    /// <summary>
    /// Connection, IO and timeout failures, the server's own "cannot serve now" classes
    /// (08 connection exception, 53 insufficient resources, 57 operator intervention, 58 system error), and a
    /// deadlock that the fallback met again with a concurrent group (nothing of this group is stored; a retry is safe).
    /// Anything else is a defect and is not dressed up as a retryable outage.
    /// </summary>
    private static bool IsUnavailable(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.DeadlockDetected
            || (postgres.SqlState.Length >= 2 && postgres.SqlState[..2] is "08" or "53" or "57" or "58"),
        NpgsqlException => true,
        TimeoutException or IOException or SocketException => true,
        _ => false,
    };
}
