using System.Diagnostics;
using System.Text;
using Leaderboard.Abstractions;
using Leaderboard.Domain.Events;
using Leaderboard.Grains.Storage;
using Leaderboard.Grains.Storage.Migrations;
using Leaderboard.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using static Leaderboard.Tests.Storage.JournalEntries;

namespace Leaderboard.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class PostgresEventJournalTests(PostgresFixture postgres) : EventJournalContract
{
    private readonly List<IAsyncDisposable> _owned = [];
    private NpgsqlDataSource? _dataSource;

    private PostgresEventJournal PostgresJournal => (PostgresEventJournal)Journal;

    protected override async Task<IEventJournal> CreateJournalAsync()
    {
        _dataSource = NpgsqlDataSource.Create(await postgres.CreateDatabaseAsync());
        _owned.Add(_dataSource);
        await new SchemaMigrator(NullLogger<SchemaMigrator>.Instance).MigrateAsync(_dataSource, CancellationToken.None);
        return new PostgresEventJournal(_dataSource, NullLogger<PostgresEventJournal>.Instance);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync();
        }
    }

    [Fact]
    public async Task It_is_durable_and_available()
    {
        Assert.False(Journal.IsVolatile);
        Assert.True(await Journal.IsAvailableAsync());
    }

    [Fact]
    public async Task Concurrent_appends_of_many_grains_share_few_commits()
    {
        var batches = ConcurrentBatches();
        var commitsBefore = PostgresJournal.CommitCount;
        var clock = Stopwatch.StartNew();

        // Every caller enqueues before any commit can finish: the writer gathers them into a handful of groups.
        var outcomes = await Task.WhenAll(batches.Select(batch => Journal.AppendAsync(batch)));

        clock.Stop();
        var commits = PostgresJournal.CommitCount - commitsBefore;
        Assert.All(outcomes.SelectMany(o => o), outcome => Assert.Equal(AppendOutcome.Appended, outcome));
        Assert.InRange(commits, 1, Callers / 10);
        Console.WriteLine($"group commit: {Callers * EntriesPerCaller} rows from {Callers} callers in {commits} commits, {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task A_group_is_capped_but_never_splits_a_caller()
    {
        await using var capped = new PostgresEventJournal(_dataSource!, NullLogger<PostgresEventJournal>.Instance, maxGroupRows: 100);
        var batches = Enumerable.Range(0, 10)
            .Select(caller => Enumerable.Range(0, 60).Select(i => Entry($"cap{caller}-{i}", caller, i)).ToArray())
            .ToList();

        var outcomes = await Task.WhenAll(batches.Select(batch => capped.AppendAsync(batch)));

        Assert.All(outcomes.SelectMany(o => o), outcome => Assert.Equal(AppendOutcome.Appended, outcome));
        Assert.Equal(10, capped.CommitCount);
        Assert.Equal(600, capped.RowsCommitted);
    }

    [Fact]
    public async Task Several_writers_take_every_append_once()
    {
        // Eight writers draining the queue at once while callers keep arriving from other threads: every append must
        // land in exactly one group (a lost one would never complete).
        await using var racing = new PostgresEventJournal(_dataSource!, NullLogger<PostgresEventJournal>.Instance, writers: 8);
        var appends = await Task.WhenAll(Enumerable.Range(0, 4).Select(thread => Task.Run(() =>
            Enumerable.Range(0, 2_000).Select(i => racing.AppendAsync([Entry($"race{thread}-{i}", 100 + thread, i)])).ToArray())));

        var outcomes = await Task.WhenAll(appends.SelectMany(a => a)).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.All(outcomes.SelectMany(o => o), outcome => Assert.Equal(AppendOutcome.Appended, outcome));
        Assert.Equal(8_000, racing.RowsCommitted);
        Assert.Equal(0, racing.CopyFallbacks);
    }

    [Fact]
    public async Task Two_nodes_appending_the_same_event_at_once_append_it_once()
    {
        await using var otherNode = new PostgresEventJournal(_dataSource!, NullLogger<PostgresEventJournal>.Instance);
        var entries = Enumerable.Range(0, 500).Select(i => Entry($"both-{i}", 1, i)).ToArray();
        var shifted = entries.Select(e => e with { Shard = 2 }).ToArray();

        var results = await Task.WhenAll(Journal.AppendAsync(entries), otherNode.AppendAsync(shifted));

        for (var i = 0; i < entries.Length; i++)
        {
            Assert.Equal(
                [AppendOutcome.Appended, AppendOutcome.Duplicate],
                new[] { results[0][i], results[1][i] }.Order());
        }

        var stored = (await ReadAllAsync(Journal, 1)).Count + (await ReadAllAsync(Journal, 2)).Count;
        Assert.Equal(entries.Length, stored);
    }

    [Fact]
    public async Task Ids_committed_lately_are_answered_without_leaving_the_copy_path()
    {
        await Journal.AppendAsync([Entry("a", 1, 1), Entry("b", 1, 2)]);

        var outcomes = await Journal.AppendAsync(
        [
            Entry("a", 1, 3),
            Entry("c", 1, 4),
            Entry("c", 1, 5),
            Entry("c", 1, 6, """{"other":true}"""),
        ]);

        Assert.Equal([AppendOutcome.Duplicate, AppendOutcome.Appended, AppendOutcome.Duplicate, AppendOutcome.Conflict], outcomes);
        Assert.Equal(0, PostgresJournal.CopyFallbacks);
        Assert.Equal([1L, 2L, 4L], (await ReadAllAsync(Journal, 1)).Select(e => e.Sequence));
    }

    [Fact]
    public async Task An_id_committed_lately_with_other_content_is_decided_by_the_database()
    {
        await Journal.AppendAsync([Entry("a", 1, 1), Entry("b", 1, 2)]);

        var outcomes = await Journal.AppendAsync([Entry("a", 1, 3), Entry("b", 1, 4, """{"other":true}"""), Entry("c", 1, 5)]);

        Assert.Equal([AppendOutcome.Duplicate, AppendOutcome.Conflict, AppendOutcome.Appended], outcomes);
        Assert.Equal(1, PostgresJournal.CopyFallbacks);
        Assert.Equal([1L, 2L, 5L], (await ReadAllAsync(Journal, 1)).Select(e => e.Sequence));
    }

    [Fact]
    public async Task Copy_meeting_an_id_of_another_node_falls_back_and_stores_the_rest_once()
    {
        await using var otherNode = new PostgresEventJournal(_dataSource!, NullLogger<PostgresEventJournal>.Instance);
        await otherNode.AppendAsync([Entry("a", 2, 1), Entry("b", 2, 2)]);

        var outcomes = await Journal.AppendAsync(
        [
            Entry("n1", 1, 1),
            Entry("a", 1, 2),
            Entry("b", 1, 3, """{"other":true}"""),
            Entry("n2", 1, 4),
            Entry("n2", 1, 5),
        ]);

        Assert.Equal([AppendOutcome.Appended, AppendOutcome.Duplicate, AppendOutcome.Conflict, AppendOutcome.Appended, AppendOutcome.Duplicate], outcomes);
        Assert.Equal(1, PostgresJournal.CopyFallbacks);
        Assert.Equal(["n1", "n2"], (await ReadAllAsync(Journal, 1)).Select(e => e.EventId));
        Assert.Equal(["a", "b"], (await ReadAllAsync(Journal, 2)).Select(e => e.EventId));

        // What the fallback appended is remembered like the rest.
        Assert.Equal([AppendOutcome.Duplicate], await Journal.AppendAsync([Entry("n1", 1, 6)]));
        Assert.Equal(1, PostgresJournal.CopyFallbacks);
    }

    [Fact]
    public async Task Copy_meeting_a_taken_sequence_falls_back_and_reports_it()
    {
        await using var otherNode = new PostgresEventJournal(_dataSource!, NullLogger<PostgresEventJournal>.Instance);
        await otherNode.AppendAsync([Entry("stale", 3, 1)]);

        var outcomes = await Journal.AppendAsync([Entry("x", 3, 1), Entry("y", 3, 2)]);

        Assert.Equal([AppendOutcome.SequenceTaken, AppendOutcome.Appended], outcomes);
        Assert.Equal(1, PostgresJournal.CopyFallbacks);
        Assert.Equal(["stale", "y"], (await ReadAllAsync(Journal, 3)).Select(e => e.EventId));
    }

    [Fact]
    public async Task A_group_chosen_as_a_deadlock_victim_falls_back_and_stores_what_is_new()
    {
        // Another writer holds "y" uncommitted; the journal's COPY takes "x" and waits for "y"; then the other writer
        // asks for "x". Its session waits long before checking for deadlocks, so the journal's is the one that finds
        // the cycle and is rolled back: nothing of the COPY stays, and the fallback decides each row once the other
        // writer has committed.
        await using var other = await _dataSource!.OpenConnectionAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await using (var slow = new NpgsqlCommand("SET LOCAL deadlock_timeout = '60s'", other, transaction))
        {
            await slow.ExecuteNonQueryAsync();
        }

        await InsertAsync(other, transaction, Entry("y", 2, 1));
        var append = Journal.AppendAsync([Entry("x", 1, 1), Entry("y", 1, 2), Entry("z", 1, 3)]);
        await Eventually.TrueAsync(CopyWaitsForALockAsync, TimeSpan.FromSeconds(30), "the journal's COPY should wait for the other writer's row");

        await InsertAsync(other, transaction, Entry("x", 2, 2));
        await transaction.CommitAsync();

        Assert.Equal([AppendOutcome.Duplicate, AppendOutcome.Duplicate, AppendOutcome.Appended], await append);
        Assert.Equal(1, PostgresJournal.CopyFallbacks);
        Assert.Equal(["z"], (await ReadAllAsync(Journal, 1)).Select(e => e.EventId));
        Assert.Equal(["y", "x"], (await ReadAllAsync(Journal, 2)).Select(e => e.EventId));
    }

    private async Task<bool> CopyWaitsForALockAsync()
    {
        await using var command = _dataSource!.CreateCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'COPY journal%'");
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    private static async Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, JournalEntry entry)
    {
        await using var insert = new NpgsqlCommand(
            "INSERT INTO journal (event_id, shard, seq, unit, counted_for, dossier, content_hash, content) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            connection,
            transaction);
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.EventId });
        insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = entry.Shard });
        insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = entry.Sequence });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.Unit });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.CountedFor! });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.Dossier });
        insert.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = entry.ContentHash });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Encoding.UTF8.GetString(entry.Content) });
        await insert.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Without_memory_or_beyond_it_the_database_decides()
    {
        await using var forgetful = new PostgresEventJournal(_dataSource!, NullLogger<PostgresEventJournal>.Instance, recentIds: 0);
        await using var small = new PostgresEventJournal(_dataSource!, NullLogger<PostgresEventJournal>.Instance, recentIds: 2);
        await forgetful.AppendAsync([Entry("f", 4, 1)]);
        await small.AppendAsync([Entry("s1", 5, 1), Entry("s2", 5, 2), Entry("s3", 5, 3)]);

        Assert.Equal([AppendOutcome.Duplicate, AppendOutcome.Conflict], await forgetful.AppendAsync([Entry("f", 4, 2), Entry("f", 4, 3, """{"other":true}""")]));
        Assert.Equal(1, forgetful.CopyFallbacks);

        // s1 was forgotten (the cap is 2): the database answers; s3 is still remembered.
        Assert.Equal([AppendOutcome.Duplicate], await small.AppendAsync([Entry("s3", 5, 4)]));
        Assert.Equal(0, small.CopyFallbacks);
        Assert.Equal([AppendOutcome.Duplicate], await small.AppendAsync([Entry("s1", 5, 5)]));
        Assert.Equal(1, small.CopyFallbacks);
        Assert.Equal([1L, 2L, 3L], (await ReadAllAsync(small, 5)).Select(e => e.Sequence));
    }

    [Fact]
    public async Task Storage_stopped_is_unavailable_and_a_resend_after_restart_reports_what_was_committed()
    {
        var committed = new[] { Entry("before-1", 1, 1), Entry("before-2", 1, 2) };
        await Journal.AppendAsync(committed);

        await postgres.Server.StopAsync();
        try
        {
            await Assert.ThrowsAsync<StorageUnavailableException>(() => Journal.AppendAsync([Entry("during", 1, 3)]));
            Assert.False(await Journal.IsAvailableAsync());
            await Assert.ThrowsAsync<StorageUnavailableException>(() => ReadAllAsync(Journal, 1));
        }
        finally
        {
            await postgres.Server.StartAgainAsync();
        }

        // The client retries its whole batch, as after a 503.
        var retry = committed.Append(Entry("during", 1, 3)).ToArray();
        var outcomes = await RetryWhileUnavailableAsync(() => Journal.AppendAsync(retry));

        Assert.Equal([AppendOutcome.Duplicate, AppendOutcome.Duplicate, AppendOutcome.Appended], outcomes);
        Assert.True(await Journal.IsAvailableAsync());
        Assert.Equal(["before-1", "before-2", "during"], (await ReadAllAsync(Journal, 1)).Select(e => e.EventId));
    }

    [Fact]
    public async Task Utf8_content_is_stored_as_the_same_text_by_copy_and_by_the_fallback()
    {
        // Diacritics raw and escaped, an astral character both ways, quotes, a backslash, escaped control characters:
        // written as UTF-8 bytes, the server must hold exactly this text, and reading gives back exactly these bytes.
        const string Vietnamese =
            """{"id":"@","type":"dossier.voided","occurredAt":"2024-06-12T09:00:00+07:00","unit":"000.07.12.H37","dossier":"D-1","reason":"Hồ sơ bị hủy: Nh\u1EADp nh\u1EA7m \"trùng\" \\ 🚀 \ud83d\ude80\n\t"}""";
        const string Reason = "Hồ sơ bị hủy: Nhập nhầm \"trùng\" \\ 🚀 🚀\n\t";
        await using var otherNode = new PostgresEventJournal(_dataSource!, NullLogger<PostgresEventJournal>.Instance);
        await otherNode.AppendAsync([Entry("taken", 2, 1)]);

        var copied = await Journal.AppendAsync([Entry("vi-copy", 1, 1, Vietnamese.Replace("@", "vi-copy", StringComparison.Ordinal))]);
        Assert.Equal(0, PostgresJournal.CopyFallbacks);
        var fallback = await Journal.AppendAsync([Entry("taken", 1, 2), Entry("vi-fallback", 1, 3, Vietnamese.Replace("@", "vi-fallback", StringComparison.Ordinal))]);
        Assert.Equal(1, PostgresJournal.CopyFallbacks);

        Assert.Equal([AppendOutcome.Appended], copied);
        Assert.Equal([AppendOutcome.Duplicate, AppendOutcome.Appended], fallback);
        var stored = await ReadAllAsync(Journal, 1);
        Assert.Equal(["vi-copy", "vi-fallback"], stored.Select(e => e.EventId));
        foreach (var entry in stored)
        {
            var text = Vietnamese.Replace("@", entry.EventId, StringComparison.Ordinal);
            Assert.Equal(Encoding.UTF8.GetBytes(text), entry.Content);
            Assert.Equal(Reason, EventParser.ParseStored(entry.Content, TimeZoneInfo.Utc).Reason);

            await using var command = _dataSource!.CreateCommand("SELECT content = $2, content, convert_to(content, 'UTF8') FROM journal WHERE event_id = $1");
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.EventId });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = text });
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.True(reader.GetBoolean(0));
            Assert.Equal(text, reader.GetString(1));
            Assert.Equal(Encoding.UTF8.GetBytes(text), reader.GetFieldValue<byte[]>(2));
        }
    }

    [Fact]
    public async Task Durability_settings_are_reported()
    {
        var settings = await PostgresJournal.DurabilitySettingsAsync();

        Assert.Equal(["fsync", "full_page_writes", "synchronous_commit", "wal_sync_method"], settings.Keys.Order());
        Assert.Equal("on", settings["fsync"]);
        Assert.Equal("on", settings["synchronous_commit"]);
        Assert.Equal("on", settings["full_page_writes"]);
        Assert.False(string.IsNullOrEmpty(settings["wal_sync_method"]));
    }

    /// <summary>Right after a restart a pooled connection may still be a dead one: a client would retry, so does the test (bounded).</summary>
    private static async Task<T> RetryWhileUnavailableAsync<T>(Func<Task<T>> action)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await action();
            }
            catch (StorageUnavailableException) when (clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Yield();
            }
        }
    }
}
