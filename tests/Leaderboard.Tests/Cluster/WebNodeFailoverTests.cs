using Leaderboard.Tests.Durability;
using Leaderboard.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Leaderboard.Tests.Cluster;

/// <summary>
/// A web node killed with SIGKILL while SignalR clients are subscribed to it: the clients, which know both nodes,
/// reconnect to the other one and take a new snapshot there; the killed node also hosted every ledger shard, so the
/// survivor replays them all, and after the re-sends the numbers are exact.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class WebNodeFailoverTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private readonly ClusterRun _run = new(output);

    [Fact]
    public async Task Clients_of_a_killed_web_node_reconnect_to_the_other_and_see_exact_numbers()
    {
        var batches = CampaignStream.Generate(seed: 6_006, minEvents: 9_000);
        var expected = StreamExpectation.Of(batches);
        var connectionString = await postgres.CreateDatabaseAsync();
        var pooled = ClusterRun.Pooled(connectionString);
        var settings = ClusterRun.NodeSettings();
        _run.Log($"{batches.Count} batches, {batches.Sum(b => b.Events.Count)} events; logs in {_run.Folder}");

        // A first: alone in the cluster when it replays, it activates every shard, so killing it takes them all.
        var a = await WebNodeProcess.StartAsync(pooled, _run.LogFile("web-a"), settings);
        await using var b = await WebNodeProcess.StartAsync(pooled, _run.LogFile("web-b"), settings);
        var followers = new List<BoardFollower>();
        try
        {
            await Eventually.TrueAsync(
                () => Task.FromResult(ClusterRun.ShardsActivatedIn(a.ReadLog()).Count == 64),
                TimeSpan.FromSeconds(10),
                "web A did not host every ledger shard");
            _run.Log($"web A {a.Address} (every shard), web B {b.Address} up");
            for (var i = 0; i < 3; i++)
            {
                followers.Add(await BoardFollower.StartAsync([a.Address, b.Address], first: 0));
            }

            var sender = new StreamSender([b.Client]);
            await sender.SendAsync(batches, parallelism: 4, faultAfterAcknowledged: batches.Count / 3, fault: a.Kill);
            Assert.True(sender.Faulted, "the stream ended before web A was killed");
            await a.WaitForExitAsync();
            _run.Log($"web A killed; first pass: {sender.Acknowledged.Count} acknowledged, {sender.Answers.Count(x => x.Status != 200)} failed");

            await sender.ResendUntilAcknowledgedAsync(batches, TimeSpan.FromSeconds(90));
            _run.Log($"every batch acknowledged after {sender.Answers.Count} requests");

            ClusterRun.AssertNoServerErrors(sender.Answers);
            await ClusterRun.AssertExactlyOnceAsync(expected, sender, connectionString);
            await ClusterRun.AssertNumbersAsync(expected, b.Client);
            foreach (var follower in followers)
            {
                await ClusterRun.AssertFollowerAsync(follower, b.Client);
                Assert.Equal(b.Address, follower.Node);
                Assert.True(follower.Failovers >= 1, "a client did not notice that its node went away");
            }

            _run.Log($"exact on B; clients failed over ({string.Join(", ", followers.Select(f => $"{f.Snapshots} snapshots, {f.Applied} changes"))})");
        }
        finally
        {
            foreach (var follower in followers)
            {
                await follower.DisposeAsync();
            }

            await a.DisposeAsync();
        }

        _run.DeleteFolder();
    }
}
