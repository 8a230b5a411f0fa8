using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Leaderboard.Tests.Durability;
using Leaderboard.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace Leaderboard.Tests.Cluster;

/// <summary>
/// What the cluster tests share: node settings, a log folder per test (kept when the test fails), and the checks
/// that a stream came through a fault exactly (answers, journal, numbers on every node, a following client).
/// </summary>
public sealed partial class ClusterRun(ITestOutputHelper output)
{
    // After a silo's death some calls addressed to it only fail at Orleans' 30 s response timeout (docs/cluster.md).
    private static readonly TimeSpan NumbersWithin = TimeSpan.FromSeconds(60);
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "leaderboard-cluster-tests", Guid.NewGuid().ToString("N")[..12]);

    /// <summary>
    /// Settings of every node: the shard activations logged (so a test can tell which process hosts shards). Pools are
    /// kept small: three processes, each with a journal pool and Orleans' pool, share the test server's 100 connections.
    /// </summary>
    public static Dictionary<string, string> NodeSettings() => new()
    {
        ["Logging:LogLevel:Leaderboard.Grains.Ledger"] = "Debug",
    };

    public static string Pooled(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 12 }.ConnectionString;

    public string LogFile(string name) => Path.Combine(Folder, name + ".log");

    public void Log(string message) => output.WriteLine($"{_clock.Elapsed.TotalSeconds,6:F1} s  {message}");

    /// <summary>The ledger shards a node's log says it activated.</summary>
    public static HashSet<int> ShardsActivatedIn(string log) =>
        [.. ShardActivated().Matches(log).Select(m => int.Parse(m.Groups["shard"].Value, System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>Every answer was a 200, or a 503 with Retry-After (or, for a node being killed, no answer at all when <paramref name="allowNoAnswer"/>).</summary>
    public static void AssertNoServerErrors(IEnumerable<SentAnswer> answers, bool allowNoAnswer = false)
    {
        var wrong = answers.Where(a => !(a.Status == 200 || (a.Status == 503 && a.RetryAfter) || (allowNoAnswer && a.Status == 0))).ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} answers were neither 200 nor 503 with Retry-After: {string.Join(" | ", wrong.Take(5).Select(a => $"batch {a.Batch}: {a.Status} {a.Body}"))}");
    }

    /// <summary>After a fault and the re-sends: every answer as the recomputation says, each event accepted once, the journal exact.</summary>
    public static async Task AssertExactlyOnceAsync(StreamExpectation expected, StreamSender sender, string connectionString)
    {
        var diffs = sender.Acknowledged.OrderBy(a => a.Key).SelectMany(a => expected.AnswerDifferences(a.Key, a.Value)).ToList();
        Assert.True(diffs.Count == 0, string.Join(Environment.NewLine, diffs.Take(20)));

        var journaled = await JournalIdsAsync(connectionString);
        Assert.True(journaled.SetEquals(expected.AcceptedIds), $"the journal holds {journaled.Count} ids, the stream accepts {expected.AcceptedIds.Count}, and they differ");

        // No event is reported accepted twice: the 200 answers accept at most every id once. Those they do not report
        // were stored by a request that failed and came back as duplicates on its re-send, so they lie in batches
        // that had a failed attempt.
        var accepted = sender.Acknowledged.Values.Sum(a => a.GetProperty("accepted").GetInt32());
        var retried = sender.Answers.Where(a => a.Status != 200).Select(a => a.Batch).Distinct().Sum(b => expected.For(b).Valid);
        Assert.InRange(accepted, expected.AcceptedIds.Count - retried, expected.AcceptedIds.Count);
    }

    /// <summary>The board and the department on every node equal the recomputation (polled, bounded: a GET is fresh within a second).</summary>
    public static async Task AssertNumbersAsync(StreamExpectation expected, params HttpClient[] nodes)
    {
        foreach (var node in nodes)
        {
            var diffs = new List<string>();
            try
            {
                await Eventually.TrueAsync(async () =>
                {
                    try
                    {
                        var board = await GetBoardAsync(node);
                        var department = await node.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/campaigns/{CampaignStream.Campaign}/units/{CampaignStream.Department}", UriKind.Relative));
                        diffs = [.. expected.BoardDifferences(board), .. expected.DepartmentDifferences(department)];
                        return diffs.Count == 0;
                    }
                    catch (HttpRequestException ex) when (ex.StatusCode == HttpStatusCode.ServiceUnavailable)
                    {
                        // While the cluster recovers a read may answer 503 with Retry-After (never 500): not yet.
                        diffs = [$"503 from {node.BaseAddress}"];
                        return false;
                    }
                }, NumbersWithin, $"{node.BaseAddress} did not reach the recomputed numbers");
            }
            catch (TimeoutException ex)
            {
                Assert.Fail($"{ex.Message}:{Environment.NewLine}{string.Join(Environment.NewLine, diffs.Take(40))}");
            }
        }
    }

    /// <summary>The following client's snapshot plus changes equal a GET of the board on each node.</summary>
    public static async Task AssertFollowerAsync(BoardFollower follower, params HttpClient[] nodes)
    {
        foreach (var node in nodes)
        {
            var diffs = new List<string>();
            try
            {
                await Eventually.TrueAsync(async () =>
                {
                    try
                    {
                        diffs = follower.DifferencesFrom(await GetBoardAsync(node));
                        return diffs.Count == 0;
                    }
                    catch (HttpRequestException ex) when (ex.StatusCode == HttpStatusCode.ServiceUnavailable)
                    {
                        diffs = [$"503 from {node.BaseAddress}"];
                        return false;
                    }
                }, NumbersWithin, $"the hub client on {follower.Node} did not converge to the board that {node.BaseAddress} serves");
            }
            catch (TimeoutException ex)
            {
                Assert.Fail($"{ex.Message}:{Environment.NewLine}{string.Join(Environment.NewLine, diffs.Take(20))}");
            }
        }
    }

    /// <summary>Polls the membership table from now until a silo's row says Dead (6); returns how long that took.</summary>
    public static async Task<TimeSpan> DeclaredDeadAsync(string connectionString)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await Eventually.TrueAsync(async () =>
        {
            await using var command = new NpgsqlCommand("SELECT count(*) FROM orleans_membership WHERE status = 6", connection);
            return (long)(await command.ExecuteScalarAsync())! > 0;
        }, TimeSpan.FromSeconds(30), "no silo was declared dead in the membership table");
        return clock.Elapsed;
    }

    public static Task<JsonElement> GetBoardAsync(HttpClient node) =>
        node.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/campaigns/{CampaignStream.Campaign}/boards/{CampaignStream.Board}", UriKind.Relative));

    /// <summary>Only a passing test removes its logs: a failing one leaves them for the diagnosis.</summary>
    public void DeleteFolder()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
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

    [GeneratedRegex(@"Ledger shard (?<shard>\d+) active: ")]
    private static partial Regex ShardActivated();
}
