using Leaderboard.Tests.Infrastructure;
using Leaderboard.Tests.Security;
using Microsoft.Extensions.Logging;

namespace Leaderboard.Tests.Cluster;

/// <summary>
/// A node stopped on purpose (an update, a maintenance window) leaves the cluster without alarming anyone: the others
/// say it stopped and take over its grains. They used to log a warning that it was "declared dead", the words of a
/// crash, which an operator watching the log after a planned restart took for a fault.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CleanStopTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_node_stopped_cleanly_is_logged_as_stopped_not_declared_dead()
    {
        var database = await postgres.CreateDatabaseAsync();
        var settings = new Dictionary<string, string> { ["ConnectionStrings:Leaderboard"] = database };
        var logs = new CapturedLogs();
        await using var staying = await LeaderboardServer.StartAsync(settings, b =>
        {
            b.Logging.AddProvider(logs);
            b.Logging.SetMinimumLevel(LogLevel.Information);
        });
        var leaving = await LeaderboardServer.StartAsync(settings);

        await leaving.DisposeAsync();

        await Eventually.TrueAsync(
            () => Task.FromResult(logs.Lines.Any(l => l.Contains("stopped and left the cluster", StringComparison.Ordinal))),
            TimeSpan.FromSeconds(30),
            "the staying node never said the other one stopped");
        Assert.DoesNotContain(logs.Lines, l => l.Contains("declared dead", StringComparison.Ordinal));
    }
}
