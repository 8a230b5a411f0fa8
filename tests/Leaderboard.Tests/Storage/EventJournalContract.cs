using Leaderboard.Grains.Storage;
using static Leaderboard.Tests.Storage.JournalEntries;

namespace Leaderboard.Tests.Storage;

/// <summary>What every <see cref="IEventJournal"/> must do; run once per implementation.</summary>
public abstract class EventJournalContract : IAsyncLifetime
{
    private IEventJournal? _journal;

    protected IEventJournal Journal => _journal ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync() => _journal = await CreateJournalAsync();

    public virtual async Task DisposeAsync()
    {
        if (_journal is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    protected abstract Task<IEventJournal> CreateJournalAsync();

    [Fact]
    public async Task New_entries_are_appended_and_read_back_verbatim()
    {
        const string Hostile = """{"id":"a","reason":"'; DROP TABLE journal; -- <script>alert(1)</script> Hồ sơ 🚀"}""";
        var first = Entry("a", 1, 1, Hostile, countedFor: null);
        var second = Entry("b", 1, 2, countedFor: "U9");

        // Every text column with letters beyond ASCII, and a sequence beyond 32 bits.
        var third = Entry("mã-sự-kiện-đầu-tiên-🚀", 1, 5_000_000_000L, countedFor: "Xã Đồng Đăng") with
        {
            Unit = "Phòng Nông nghiệp",
            Dossier = "HỒ-SƠ-Lạng-Sơn-001",
        };

        var outcomes = await Journal.AppendAsync([first, second, third]);

        Assert.Equal([AppendOutcome.Appended, AppendOutcome.Appended, AppendOutcome.Appended], outcomes);
        var stored = await ReadAllAsync(Journal, 1);
        Assert.Equal(3, stored.Count);
        AssertSame(first, stored[0]);
        AssertSame(second, stored[1]);
        AssertSame(third, stored[2]);
    }

    [Fact]
    public async Task An_empty_append_returns_no_outcomes()
    {
        Assert.Empty(await Journal.AppendAsync([]));
    }

    [Fact]
    public async Task Same_id_with_same_content_is_a_duplicate()
    {
        await Journal.AppendAsync([Entry("a", 1, 1)]);

        var outcomes = await Journal.AppendAsync([Entry("a", 1, 2)]);

        Assert.Equal([AppendOutcome.Duplicate], outcomes);
        Assert.Equal([1L], (await ReadAllAsync(Journal, 1)).Select(e => e.Sequence));
    }

    [Fact]
    public async Task Same_id_with_other_content_is_a_conflict_and_the_first_stands()
    {
        await Journal.AppendAsync([Entry("a", 1, 1, """{"v":1}""")]);

        var outcomes = await Journal.AppendAsync([Entry("a", 2, 1, """{"v":2}""")]);

        Assert.Equal([AppendOutcome.Conflict], outcomes);
        var stored = Assert.Single(await ReadAllAsync(Journal, 1));
        Assert.Equal("""{"v":1}"""u8.ToArray(), stored.Content);
        Assert.Empty(await ReadAllAsync(Journal, 2));
    }

    [Fact]
    public async Task A_taken_sequence_is_reported_and_nothing_is_stored()
    {
        await Journal.AppendAsync([Entry("a", 7, 10)]);

        var outcomes = await Journal.AppendAsync([Entry("b", 7, 10), Entry("c", 7, 11)]);

        Assert.Equal([AppendOutcome.SequenceTaken, AppendOutcome.Appended], outcomes);
        Assert.Equal(["a", "c"], (await ReadAllAsync(Journal, 7)).Select(e => e.EventId));
    }

    [Fact]
    public async Task The_same_id_twice_in_one_append_keeps_the_first()
    {
        var outcomes = await Journal.AppendAsync(
        [
            Entry("a", 1, 1, """{"v":1}"""),
            Entry("a", 1, 2, """{"v":1}"""),
            Entry("a", 1, 3, """{"v":2}"""),
        ]);

        Assert.Equal([AppendOutcome.Appended, AppendOutcome.Duplicate, AppendOutcome.Conflict], outcomes);
        var stored = Assert.Single(await ReadAllAsync(Journal, 1));
        Assert.Equal(1, stored.Sequence);
    }

    [Fact]
    public async Task An_earlier_row_that_lost_its_sequence_does_not_block_a_later_row_of_the_same_id()
    {
        await Journal.AppendAsync([Entry("x", 1, 1)]);

        var outcomes = await Journal.AppendAsync([Entry("a", 1, 1), Entry("a", 1, 2)]);

        Assert.Equal([AppendOutcome.SequenceTaken, AppendOutcome.Appended], outcomes);
        Assert.Equal(["x", "a"], (await ReadAllAsync(Journal, 1)).Select(e => e.EventId));
    }

    [Fact]
    public async Task A_shard_reads_in_sequence_order_after_the_given_sequence()
    {
        await Journal.AppendAsync([Entry("e5", 3, 5), Entry("e1", 3, 1)]);
        await Journal.AppendAsync([Entry("e10", 3, 10), Entry("other", 4, 3), Entry("e3", 3, 3)]);

        Assert.Equal([1L, 3L, 5L, 10L], (await ReadAllAsync(Journal, 3)).Select(e => e.Sequence));
        Assert.Equal([3L, 5L, 10L], (await ReadAllAsync(Journal, 3, afterSequence: 2)).Select(e => e.Sequence));
        Assert.Equal([5L, 10L], (await ReadAllAsync(Journal, 3, afterSequence: 3)).Select(e => e.Sequence));
        Assert.Empty(await ReadAllAsync(Journal, 3, afterSequence: 10));
        Assert.Empty(await ReadAllAsync(Journal, 99));
    }

    [Fact]
    public async Task A_long_shard_reads_completely_across_pages()
    {
        const int Count = 4_500;
        var entries = Enumerable.Range(1, Count).Select(i => Entry($"long-{i}", 5, i * 2L)).ToList();
        Assert.All(await Journal.AppendAsync(entries), outcome => Assert.Equal(AppendOutcome.Appended, outcome));

        var stored = await ReadAllAsync(Journal, 5, afterSequence: 2);

        Assert.Equal(Enumerable.Range(2, Count - 1).Select(i => i * 2L), stored.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Many_concurrent_appenders_all_get_the_right_outcomes()
    {
        var batches = ConcurrentBatches();

        var outcomes = await Task.WhenAll(batches.Select(batch => Task.Run(() => Journal.AppendAsync(batch))));
        var resent = await Task.WhenAll(batches.Select(batch => Task.Run(() => Journal.AppendAsync(batch))));

        Assert.All(outcomes.SelectMany(o => o), outcome => Assert.Equal(AppendOutcome.Appended, outcome));
        Assert.All(resent.SelectMany(o => o), outcome => Assert.Equal(AppendOutcome.Duplicate, outcome));
        var total = 0;
        for (var shard = 0; shard < Shards; shard++)
        {
            var stored = await ReadAllAsync(Journal, shard);
            Assert.Equal(stored.Select(e => e.Sequence).Order(), stored.Select(e => e.Sequence));
            total += stored.Count;
        }

        Assert.Equal(Callers * EntriesPerCaller, total);
    }

    protected const int Callers = 200;
    protected const int EntriesPerCaller = 50;
    protected const int Shards = 64;

    /// <summary>200 callers × 50 entries over 64 shards; each caller owns its own sequence range.</summary>
    protected static List<JournalEntry[]> ConcurrentBatches() =>
        Enumerable.Range(0, Callers)
            .Select(caller => Enumerable.Range(0, EntriesPerCaller)
                .Select(i => Entry($"c{caller}-{i}", (caller + i) % Shards, (caller * 1_000L) + i))
                .ToArray())
            .ToList();

    protected static void AssertSame(JournalEntry expected, JournalEntry actual)
    {
        Assert.Equal(expected.EventId, actual.EventId);
        Assert.Equal(expected.Shard, actual.Shard);
        Assert.Equal(expected.Sequence, actual.Sequence);
        Assert.Equal(expected.Unit, actual.Unit);
        Assert.Equal(expected.CountedFor, actual.CountedFor);
        Assert.Equal(expected.Dossier, actual.Dossier);
        Assert.Equal(expected.ContentHash, actual.ContentHash);
        Assert.Equal(expected.Content, actual.Content);
    }
}
