using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Leaderboard.Client;
using Leaderboard.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using static Leaderboard.Tests.Toolkit.ToolkitEvents;

namespace Leaderboard.Tests.Toolkit;

/// <summary>
/// The client library against a PostgreSQL-backed node whose database goes down and comes back: the node answers 503
/// with Retry-After (HTTP) or fails the upload with 503 (hub), the client retries, and once storage is back every
/// event is stored exactly once.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class StorageOutageTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task An_HTTP_batch_sent_while_storage_is_down_is_retried_on_503_until_it_is_stored_once()
    {
        await using var server = await StartAsync();
        var tag = NewTag();
        var before = Receipts(tag + "a", 200);
        var during = Receipts(tag + "b", 300);
        var retries = new ConcurrentQueue<RetryNotice>();
        using var client = new LeaderboardClient(Options(server, retries));
        var start = await UnitNumbers.DossiersAsync(server, Unit);
        Assert.Equal(200, (await client.SendAsync(before)).Accepted);

        Task<IngestionAnswer> sending;
        await postgres.Server.StopAsync();
        try
        {
            sending = client.SendAsync(during);
            await Eventually.TrueAsync(() => Task.FromResult(retries.Any(r => r.StatusCode == 503)), Bound, "the client saw no 503 while storage was down");
        }
        finally
        {
            await postgres.Server.StartAgainAsync();
        }

        var answer = await sending.WaitAsync(Bound);
        Assert.Equal(300, answer.Stored);
        Assert.Empty(answer.Rejected);
        Assert.All(retries.Where(r => r.StatusCode == 503), r => Assert.Equal(TimeSpan.FromSeconds(2), r.Delay));
        var again = await client.SendAsync(during);
        Assert.Equal((0, 300), (again.Accepted, again.Duplicates));
        await UnitNumbers.ExpectAsync(server, Unit, start.Plus(Online(200) + Online(300), 500));
    }

    [Fact]
    public async Task A_snapshot_that_falls_due_while_storage_is_down_is_tried_again_after_a_wait_not_at_every_flush()
    {
        // Shards with events not yet in a snapshot, storage down, no traffic: each shard's snapshot falls due and
        // fails. It used to be tried again at every flush, 50 times a second with three errors logged each time
        // where a failure is quick (47 MB of log in a 20-second outage); now after 1 s, 2 s, 4 s…, with one warning,
        // and one line when it is written again. (Here a failed write takes about a second, so the flood itself does
        // not show: the test holds the bound and the recovery.)
        var logs = new CapturedLogs();
        await using var server = await LeaderboardServer.StartAsync(
            new Dictionary<string, string>
            {
                ["ConnectionStrings:Leaderboard"] = await postgres.CreateDatabaseAsync(),
                ["Leaderboard:Ledger:SnapshotInterval"] = "00:00:00.200",
                ["Logging:LogLevel:Leaderboard.Grains.Ledger"] = "Debug",
            },
            b =>
            {
                b.Logging.SetMinimumLevel(LogLevel.Debug);
                b.Logging.AddProvider(logs);
            });
        using var client = new LeaderboardClient(HubUploadTests.Options(server.Address));
        var tag = NewTag();
        var start = await UnitNumbers.DossiersAsync(server, Unit);
        Assert.Equal(200, (await client.SendAsync(Receipts(tag, 200))).Accepted);

        await postgres.Server.StopAsync();
        try
        {
            await Eventually.TrueAsync(() => Task.FromResult(SnapshotFailures(logs).Values.Any(n => n >= 2)), Bound, "no shard tried its snapshot twice while storage was down");
            Assert.All(SnapshotFailures(logs), shard => Assert.True(shard.Value <= 3, $"shard {shard.Key} tried {shard.Value} snapshots within about a second"));
        }
        finally
        {
            await postgres.Server.StartAgainAsync();
        }

        await Eventually.TrueAsync(() => Task.FromResult(logs.Lines.Any(l => l.Contains("snapshot written again", StringComparison.Ordinal))), Bound, "no shard wrote its snapshot once storage was back");
        await UnitNumbers.ExpectAsync(server, Unit, start.Plus(Online(200), 200));
    }

    [Fact]
    public async Task A_hub_upload_that_meets_a_storage_outage_reconnects_resends_and_stores_every_event_once()
    {
        const int Count = 6_000;
        await using var server = await StartAsync();
        var tag = NewTag();
        var events = Receipts(tag, Count);
        var retries = new ConcurrentQueue<RetryNotice>();
        var options = Options(server, retries);
        options.MaxInFlight = 1_500;
        using var client = new LeaderboardClient(options);
        var start = await UnitNumbers.DossiersAsync(server, Unit);

        var acks = new List<IngestionAnswer>();
        Task? outage = null;
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(50));
        await foreach (var ack in client.StreamAsync(AsStream(events)).WithCancellation(bound.Token))
        {
            acks.Add(ack);
            // After the first acknowledgement, storage goes down until the client has had to reconnect.
            outage ??= OutageAsync(retries);
        }

        await outage!.WaitAsync(Bound);
        // The node failed the upload with 503 (storage unavailable), not merely a dropped connection.
        Assert.Contains(retries, r => r.StatusCode == 503);
        Assert.Equal(Count, acks.Sum(a => a.Count));
        Assert.Equal(Count, acks.Sum(a => a.Stored));
        Assert.Empty(acks.SelectMany(a => a.Rejected));
        await UnitNumbers.ExpectAsync(server, Unit, start.Plus(Online(Count), Count));
    }

    private async Task OutageAsync(ConcurrentQueue<RetryNotice> retries)
    {
        await postgres.Server.StopAsync();
        try
        {
            await Eventually.TrueAsync(() => Task.FromResult(!retries.IsEmpty), Bound, "the upload never had to reconnect while storage was down");
        }
        finally
        {
            await postgres.Server.StartAgainAsync();
        }
    }

    /// <summary>Failed snapshot attempts logged, by shard.</summary>
    private static Dictionary<string, int> SnapshotFailures(CapturedLogs logs) =>
        logs.Lines
            .Select(l => SnapshotFailure().Match(l))
            .Where(m => m.Success)
            .GroupBy(m => m.Groups[1].Value)
            .ToDictionary(g => g.Key, g => g.Count());

    [GeneratedRegex(@"Ledger shard (\d+): snapshot (?:not|still not) written")]
    private static partial Regex SnapshotFailure();

    private async Task<LeaderboardServer> StartAsync() =>
        await LeaderboardServer.StartAsync(new Dictionary<string, string> { ["ConnectionStrings:Leaderboard"] = await postgres.CreateDatabaseAsync() });

    private static LeaderboardClientOptions Options(LeaderboardServer server, ConcurrentQueue<RetryNotice> retries)
    {
        var options = HubUploadTests.Options(server.Address);
        options.MaxRetries = 60;
        options.RequestTimeout = TimeSpan.FromSeconds(15);
        options.OnRetry = retries.Enqueue;
        return options;
    }
}
