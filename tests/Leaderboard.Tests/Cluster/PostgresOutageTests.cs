using System.Collections.Concurrent;
using Leaderboard.Tests.Durability;
using Leaderboard.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Leaderboard.Tests.Cluster;

/// <summary>
/// PostgreSQL stopped (like a crash) and started again while two web nodes take a stream: meanwhile every answer,
/// POST or GET, is a 200 or a 503 with Retry-After, never a 500; no node is declared dead for it; after the restart
/// and the re-sends every event counts exactly once.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresOutageTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private readonly ClusterRun _run = new(output);

    [Fact]
    public async Task During_a_database_outage_the_api_answers_503_and_afterwards_every_event_counts_once()
    {
        var batches = CampaignStream.Generate(seed: 7_007, minEvents: 9_000);
        var expected = StreamExpectation.Of(batches);
        var connectionString = await postgres.CreateDatabaseAsync();
        var pooled = ClusterRun.Pooled(connectionString);
        var settings = ClusterRun.NodeSettings();
        _run.Log($"{batches.Count} batches, {batches.Sum(b => b.Events.Count)} events; logs in {_run.Folder}");

        var starting = (
            A: WebNodeProcess.StartAsync(pooled, _run.LogFile("web-a"), settings),
            B: WebNodeProcess.StartAsync(pooled, _run.LogFile("web-b"), settings));
        await using var a = await starting.A;
        await using var b = await starting.B;
        _run.Log($"web A {a.Address}, web B {b.Address} up");

        var sender = new StreamSender([a.Client, b.Client]);
        var reads = new ConcurrentQueue<SentAnswer>();
        Task? outage = null;
        await sender.SendAsync(batches, parallelism: 4, faultAfterAcknowledged: batches.Count / 3, fault: () => outage = Task.Run(async () =>
        {
            await postgres.Server.StopAsync();
            _run.Log("PostgreSQL stopped");

            // Reads and writes meet the outage for a while: until the writers have seen a few 503s, and reads have run.
            var failedBefore = sender.Answers.Count(x => x.Status != 200);
            await Eventually.TrueAsync(async () =>
            {
                foreach (var node in new[] { a, b })
                {
                    using var response = await node.Client.GetAsync(new Uri($"/api/v1/campaigns/{CampaignStream.Campaign}/boards/{CampaignStream.Board}", UriKind.Relative));
                    reads.Enqueue(new SentAnswer(-1, (int)response.StatusCode, response.Headers.RetryAfter is not null, await response.Content.ReadAsStringAsync()));
                    using var ready = await node.Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                    reads.Enqueue(new SentAnswer(-2, (int)ready.StatusCode, ready.Headers.RetryAfter is not null, await ready.Content.ReadAsStringAsync()));
                }

                return sender.Answers.Count(x => x.Status != 200) - failedBefore >= 8 || sender.Answers.Count >= batches.Count;
            }, TimeSpan.FromSeconds(30), "the writers met no outage");
            await postgres.Server.StartAgainAsync();
            _run.Log("PostgreSQL started again");
        }));
        Assert.True(sender.Faulted, "the stream ended before PostgreSQL was stopped");
        await outage!;
        _run.Log($"first pass: {sender.Acknowledged.Count} acknowledged, {sender.Answers.Count(x => x.Status == 503)} answered 503; {reads.Count} reads during the outage");

        await sender.ResendUntilAcknowledgedAsync(batches, TimeSpan.FromSeconds(90));
        _run.Log($"every batch acknowledged after {sender.Answers.Count} requests");

        ClusterRun.AssertNoServerErrors(sender.Answers);
        ClusterRun.AssertNoServerErrors(reads);
        Assert.Contains(sender.Answers, x => x.Status == 503);
        Assert.Contains(reads, x => x.Batch == -2 && x.Status == 503);
        Assert.DoesNotContain("declared dead", a.ReadLog() + b.ReadLog(), StringComparison.Ordinal);
        await ClusterRun.AssertExactlyOnceAsync(expected, sender, connectionString);
        await ClusterRun.AssertNumbersAsync(expected, a.Client, b.Client);
        _run.Log("exact on both nodes");
        _run.DeleteFolder();
    }
}
