using Leaderboard.Tests.Durability;
using Leaderboard.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Leaderboard.Tests.Cluster;

/// <summary>
/// Two web nodes and a headless silo on one PostgreSQL form one cluster: a browser on one web node hears the events
/// posted to the other, and when the process hosting busy ledger shards and units is killed with SIGKILL during the
/// stream, the re-sent batches make every number exact again.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private readonly ClusterRun _run = new(output);

    [Fact]
    public async Task A_client_on_one_node_follows_events_posted_to_the_other_and_the_kill_of_a_grain_host_loses_nothing()
    {
        var batches = CampaignStream.Generate(seed: 5_005, minEvents: 9_000);
        var expected = StreamExpectation.Of(batches);
        var connectionString = await postgres.CreateDatabaseAsync();
        var pooled = ClusterRun.Pooled(connectionString);
        var settings = ClusterRun.NodeSettings();
        _run.Log($"{batches.Count} batches, {batches.Sum(b => b.Events.Count)} events; logs in {_run.Folder}");

        // The silo first: the first web node to be ready activates every shard, spread over the silos active then.
        await using var silo = await SiloProcess.StartAsync(pooled, _run.LogFile("silo"), settings);
        var starting = (
            A: WebNodeProcess.StartAsync(pooled, _run.LogFile("web-a"), settings),
            B: WebNodeProcess.StartAsync(pooled, _run.LogFile("web-b"), settings));
        await using var a = await starting.A;
        await using var b = await starting.B;
        _run.Log($"silo (pid {silo.ProcessId}), web A {a.Address}, web B {b.Address} up");

        // The silo is the victim: it must host ledger shards (placement spreads the 64 of them over the three silos).
        var hosted = await Eventually.MatchesAsync(
            () => Task.FromResult(ClusterRun.ShardsActivatedIn(silo.ReadLog())),
            s => s.Count > 0,
            TimeSpan.FromSeconds(20),
            "the silo hosts no ledger shard");
        _run.Log($"the silo hosts {hosted.Count} of the 64 ledger shards");

        await using var follower = await BoardFollower.StartAsync([b.Address, a.Address], first: 0);
        var sender = new StreamSender([a.Client]);
        Task<TimeSpan>? detected = null;
        await sender.SendAsync(batches, parallelism: 4, faultAfterAcknowledged: batches.Count / 3, fault: () =>
        {
            silo.Kill();
            detected = ClusterRun.DeclaredDeadAsync(connectionString);
        });
        Assert.True(sender.Faulted, "the stream ended before the silo was killed");
        await silo.WaitForExitAsync();
        var failed = sender.Answers.Count(x => x.Status != 200);
        _run.Log($"silo killed after {batches.Count / 3} acknowledged batches; first pass: {sender.Acknowledged.Count} acknowledged, {failed} failed");
        var detection = await detected!;
        _run.Log($"the cluster declared the silo dead {detection.TotalSeconds:F1} s after the kill");
        Assert.True(detection < TimeSpan.FromSeconds(15), $"detection took {detection}");

        await sender.ResendUntilAcknowledgedAsync(batches, TimeSpan.FromSeconds(90));
        _run.Log($"every batch acknowledged after {sender.Answers.Count} requests; the slowest answers: {sender.Slowest(5)}");

        ClusterRun.AssertNoServerErrors(sender.Answers);
        await ClusterRun.AssertExactlyOnceAsync(expected, sender, connectionString);
        await ClusterRun.AssertNumbersAsync(expected, a.Client, b.Client);
        await ClusterRun.AssertFollowerAsync(follower, a.Client, b.Client);
        Assert.True(follower.Applied > 0, "the client on B applied no BoardChanged");
        _run.Log($"exact on both nodes; the client on B applied {follower.Applied} changes over {follower.Snapshots} snapshots");
        _run.DeleteFolder();
    }

    /// <summary>
    /// The silo is killed right after the last batch is acknowledged, so its shards may die with deltas not yet sent
    /// to units that live on the web nodes, and nothing is posted afterwards that would wake those shards. The
    /// survivors must bring them back on their own and the units must re-read them.
    /// </summary>
    [Fact]
    public async Task A_grain_host_killed_right_after_the_last_acknowledged_batch_leaves_exact_numbers_without_further_events()
    {
        var batches = CampaignStream.Generate(seed: 5_006, minEvents: 6_000);
        var expected = StreamExpectation.Of(batches);
        var connectionString = await postgres.CreateDatabaseAsync();
        var pooled = ClusterRun.Pooled(connectionString);
        var settings = ClusterRun.NodeSettings();

        // Shards hold their deltas for two seconds: the kill surely catches some of them unsent.
        settings["Leaderboard:Ledger:FlushInterval"] = "00:00:02";
        _run.Log($"{batches.Count} batches, {batches.Sum(b => b.Events.Count)} events; logs in {_run.Folder}");

        await using var silo = await SiloProcess.StartAsync(pooled, _run.LogFile("silo"), settings);
        var starting = (
            A: WebNodeProcess.StartAsync(pooled, _run.LogFile("web-a"), settings),
            B: WebNodeProcess.StartAsync(pooled, _run.LogFile("web-b"), settings));
        await using var a = await starting.A;
        await using var b = await starting.B;
        var hosted = await Eventually.MatchesAsync(
            () => Task.FromResult(ClusterRun.ShardsActivatedIn(silo.ReadLog())),
            s => s.Count > 0,
            TimeSpan.FromSeconds(20),
            "the silo hosts no ledger shard");
        _run.Log($"silo, web A and web B up; the silo hosts {hosted.Count} of the 64 ledger shards");

        var sender = new StreamSender([a.Client]);
        await sender.SendAsync(batches, parallelism: 1);
        silo.Kill();
        ClusterRun.AssertNoServerErrors(sender.Answers);
        Assert.Equal(batches.Count, sender.Acknowledged.Count);
        await silo.WaitForExitAsync();
        _run.Log($"every batch acknowledged, then the silo was killed; the cluster declared it dead {(await ClusterRun.DeclaredDeadAsync(connectionString)).TotalSeconds:F1} s later");

        await ClusterRun.AssertExactlyOnceAsync(expected, sender, connectionString);
        await ClusterRun.AssertNumbersAsync(expected, a.Client, b.Client);
        _run.Log("exact on both web nodes without another event");
        _run.DeleteFolder();
    }
}
