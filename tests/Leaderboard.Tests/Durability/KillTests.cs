using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Leaderboard.Abstractions.Ledger;
using Leaderboard.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace Leaderboard.Tests.Durability;

/// <summary>
/// The durability acceptance test: with PostgreSQL, a web node killed with SIGKILL while events stream in loses
/// nothing it acknowledged, and after a restart on the same database and a re-send of what was not acknowledged,
/// every event counts exactly once and the ranks equal a recomputation with the domain library.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class KillTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private static readonly TimeSpan NumbersWithin = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan LogWithin = TimeSpan.FromSeconds(10);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "leaderboard-kill-tests", Guid.NewGuid().ToString("N")[..12]);
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <param name="snapshotEveryEvents">20,000 (the default: no shard snapshots in this stream) or 50 (snapshots all
    /// the time, so the kill may also cut a snapshot write and recovery starts from snapshots).</param>
    [Theory]
    [InlineData(20_000)]
    [InlineData(50)]
    public async Task A_node_killed_mid_stream_loses_nothing_acknowledged_and_counts_every_event_once_after_the_resend(int snapshotEveryEvents)
    {
        var batches = CampaignStream.Generate(seed: 20240606, minEvents: 20_000);
        var expected = StreamExpectation.Of(batches);
        AssertTheBoardCanTellRight(expected);
        var connectionString = await postgres.CreateDatabaseAsync();
        var settings = new Dictionary<string, string> { ["Leaderboard:Ledger:SnapshotEveryEvents"] = snapshotEveryEvents.ToString(CultureInfo.InvariantCulture) };
        Log($"{batches.Count} batches, {batches.Sum(b => b.Events.Count)} events, {expected.AcceptedIds.Count} distinct accepted ids; logs in {_folder}");

        // Four parallel senders; once a third of the batches is acknowledged, kill -9 while others are in flight.
        BatchPoster first;
        await using (var node = await WebNodeProcess.StartAsync(connectionString, LogFile("node-1"), settings))
        {
            Log($"node 1 ready (pid {node.ProcessId})");
            first = await BatchPoster.PostAsync(node.Client, batches, parallelism: 4, killAfterAcknowledged: batches.Count / 3, kill: node.Kill);
            await node.WaitForExitAsync();
        }

        Assert.True(first.Killed, "the stream ended before the node was killed");
        AssertAnswers(expected, first.Acknowledged);
        var unacknowledged = batches.Where(b => !first.Acknowledged.ContainsKey(b.Index)).ToList();
        Log($"killed after {first.Acknowledged.Count} acknowledged batches with {first.InFlightAtKill} more in flight; " +
            $"{first.Failed.Count} failed ({string.Join("; ", first.Failed.Values.Distinct().Take(3))}), {unacknowledged.Count - first.Failed.Count} never sent");

        // Nothing acknowledged is missing, and nothing is there that the stream did not get accepted.
        var journaled = await JournalIdsAsync(connectionString);
        var missing = first.Acknowledged.Keys.SelectMany(b => expected.For(b).ValidIds).Where(id => !journaled.Contains(id)).Distinct().ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} acknowledged events are not in the journal after the kill: {string.Join(", ", missing.Take(20))}");
        Assert.Subset(expected.AcceptedIds.ToHashSet(StringComparer.Ordinal), journaled);
        var acknowledgedIds = first.Acknowledged.Keys.SelectMany(b => expected.For(b).ValidIds).ToHashSet(StringComparer.Ordinal);
        Log($"journal after the kill: {journaled.Count} events, of which {journaled.Count(id => !acknowledgedIds.Contains(id))} committed for requests never answered; " +
            $"{await SnapshotCountAsync(connectionString)} shard snapshots");

        // A new process on the same database; re-send every batch that was not acknowledged.
        await using var second = await WebNodeProcess.StartAsync(connectionString, LogFile("node-2"), settings);
        Log($"node 2 ready (pid {second.ProcessId})");
        var resent = await BatchPoster.PostAsync(second.Client, unacknowledged, parallelism: 4);
        Assert.True(resent.Failed.Count == 0, string.Join(Environment.NewLine, resent.Failed.Select(f => $"batch {f.Key}: {f.Value}")));
        Assert.Equal(unacknowledged.Count, resent.Acknowledged.Count);
        AssertAnswers(expected, resent.Acknowledged);

        // Exactly once at the acknowledgement level too: the re-sends accept precisely what the journal lacked.
        Assert.Equal(expected.AcceptedIds.Count - journaled.Count, resent.Acknowledged.Values.Sum(a => a.GetProperty("accepted").GetInt32()));

        // An acknowledged batch sent again: every valid event comes back as a duplicate.
        var again = first.Acknowledged.Keys.Min();
        var answer = await PostAsync(second, batches[again]);
        var diffs = expected.AnswerDifferences(again, answer, allDuplicates: true);
        Assert.True(diffs.Count == 0, string.Join(Environment.NewLine, diffs));
        Log($"re-sent {unacknowledged.Count} batches and acknowledged batch {again} again");

        var final = await JournalIdsAsync(connectionString);
        Assert.Equal(expected.AcceptedIds.Count, final.Count);
        Assert.True(final.SetEquals(expected.AcceptedIds), "the journal does not hold exactly the accepted ids");

        await AssertNumbersAsync(second, expected);
        Log("board and department equal the recomputation");
        DeleteFolder();
    }

    [Theory]
    [InlineData(1_000_000)]
    [InlineData(50)]
    public async Task A_node_killed_right_after_an_acknowledged_batch_recovers_exact_numbers(int snapshotEveryEvents)
    {
        var batches = CampaignStream.Generate(seed: 1_000 + snapshotEveryEvents, minEvents: 6_000);
        var expected = StreamExpectation.Of(batches);
        AssertTheBoardCanTellRight(expected);
        var connectionString = await postgres.CreateDatabaseAsync();
        var settings = new Dictionary<string, string>
        {
            ["Leaderboard:Ledger:SnapshotEveryEvents"] = snapshotEveryEvents.ToString(CultureInfo.InvariantCulture),
            ["Leaderboard:Ledger:SnapshotInterval"] = "01:00:00",
            ["Logging:LogLevel:Leaderboard.Grains.Ledger"] = "Debug",
        };
        Log($"{batches.Count} batches, {batches.Sum(b => b.Events.Count)} events, snapshot every {snapshotEveryEvents} events; logs in {_folder}");

        await using (var node = await WebNodeProcess.StartAsync(connectionString, LogFile("node-1"), settings))
        {
            var posted = await BatchPoster.PostAsync(node.Client, batches, parallelism: 1);
            node.Kill();
            Assert.True(posted.Failed.Count == 0, string.Join(Environment.NewLine, posted.Failed.Select(f => $"batch {f.Key}: {f.Value}")));
            Assert.Equal(batches.Count, posted.Acknowledged.Count);
            AssertAnswers(expected, posted.Acknowledged);
            await node.WaitForExitAsync();
        }

        var journaled = await JournalIdsAsync(connectionString);
        Assert.True(journaled.SetEquals(expected.AcceptedIds), "the journal does not hold exactly the accepted ids");
        var snapshots = await SnapshotCountAsync(connectionString);
        Log($"killed after the last acknowledged batch: {journaled.Count} events journaled, {snapshots} shard snapshots");

        await using var second = await WebNodeProcess.StartAsync(connectionString, LogFile("node-2"), settings);
        var replayed = await ReplayedAsync(second);
        Log($"node 2 ready: {replayed} journal entries replayed");
        if (snapshotEveryEvents >= journaled.Count)
        {
            // No snapshot: the journal alone rebuilds everything.
            Assert.Equal(0, snapshots);
            Assert.Equal(journaled.Count, replayed);
        }
        else
        {
            // Snapshots of (nearly) every shard plus the journal's tail after each.
            Assert.True(snapshots > 0, "no shard wrote a snapshot");
            Assert.InRange(replayed, 1, journaled.Count - 1);
        }

        await AssertNumbersAsync(second, expected);
        DeleteFolder();
    }

    /// <summary>A recomputation in which every unit ties proves nothing about ranks: the stream must spread them.</summary>
    private static void AssertTheBoardCanTellRight(StreamExpectation expected)
    {
        Assert.True(expected.Board.Count(e => e.Standing.Eligible) >= 5, "too few eligible units in the recomputation");
        Assert.True(expected.Board.Select(e => e.Rank).Distinct().Count() >= 5, "too few distinct ranks in the recomputation");
    }

    private static void AssertAnswers(StreamExpectation expected, IReadOnlyDictionary<int, JsonElement> answers)
    {
        var diffs = answers.OrderBy(a => a.Key).SelectMany(a => expected.AnswerDifferences(a.Key, a.Value)).ToList();
        Assert.True(diffs.Count == 0, string.Join(Environment.NewLine, diffs.Take(20)));
    }

    /// <summary>The board and the department's unit page reflect events within a second: poll, bounded, until they match.</summary>
    private static async Task AssertNumbersAsync(WebNodeProcess node, StreamExpectation expected)
    {
        var diffs = new List<string>();
        try
        {
            await Eventually.TrueAsync(async () =>
            {
                var board = await node.Client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/campaigns/{CampaignStream.Campaign}/boards/{CampaignStream.Board}", UriKind.Relative));
                var department = await node.Client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/campaigns/{CampaignStream.Campaign}/units/{CampaignStream.Department}", UriKind.Relative));
                diffs = [.. expected.BoardDifferences(board), .. expected.DepartmentDifferences(department)];
                return diffs.Count == 0;
            }, NumbersWithin, "the board and the department did not reach the recomputed numbers");
        }
        catch (TimeoutException ex)
        {
            Assert.Fail($"{ex.Message}:{Environment.NewLine}{string.Join(Environment.NewLine, diffs.Take(40))}");
        }
    }

    private static async Task<JsonElement> PostAsync(WebNodeProcess node, StreamBatch batch)
    {
        using var content = new StringContent(batch.Body, Encoding.UTF8, "application/json");
        using var response = await node.Client.PostAsync(new Uri("/api/v1/events", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    private static async Task<HashSet<string>> JournalIdsAsync(string connectionString)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT event_id FROM journal", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            Assert.True(ids.Add(reader.GetString(0)), "an event id is journaled twice");
        }

        return ids;
    }

    private static async Task<long> SnapshotCountAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM orleans_grain_state WHERE payload IS NOT NULL", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Journal entries the node's shards replayed at start-up, summed from their (debug) activation log lines.</summary>
    private static async Task<int> ReplayedAsync(WebNodeProcess node)
    {
        var replayed = new Dictionary<int, int>();
        await Eventually.TrueAsync(() =>
        {
            replayed.Clear();
            foreach (Match m in ShardActivated().Matches(node.ReadLog()))
            {
                replayed[int.Parse(m.Groups["shard"].Value, CultureInfo.InvariantCulture)] = int.Parse(m.Groups["replayed"].Value, CultureInfo.InvariantCulture);
            }

            return Task.FromResult(replayed.Count == LedgerSharding.DefaultShardCount);
        }, LogWithin, $"not every shard logged its activation in {node.LogFile}");
        return replayed.Values.Sum();
    }

    private string LogFile(string name) => Path.Combine(_folder, name + ".log");

    private void Log(string message) => output.WriteLine($"{_clock.Elapsed.TotalSeconds,6:F1} s  {message}");

    /// <summary>Only a passing test removes its logs: a failing one leaves them for the diagnosis.</summary>
    private void DeleteFolder()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    [GeneratedRegex(@"Ledger shard (?<shard>\d+) active: \d+ dossiers, (?<replayed>\d+) journal entries replayed")]
    private static partial Regex ShardActivated();
}
