namespace Leaderboard.Tests.Infrastructure;

/// <summary>One embedded-store node shared by the tests of a class; each test uses its own event ids and dossiers.</summary>
public sealed class LeaderboardServerFixture : IAsyncLifetime
{
    private LeaderboardServer? _server;

    public LeaderboardServer Server => _server ?? throw new InvalidOperationException("the node has not started");

    public async Task InitializeAsync() => _server = await LeaderboardServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
