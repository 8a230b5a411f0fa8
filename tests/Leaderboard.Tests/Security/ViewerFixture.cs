using Leaderboard.Tests.Infrastructure;

namespace Leaderboard.Tests.Security;

/// <summary>Two embedded nodes for <see cref="ViewerTests"/>: one as shipped (viewing open), one with <c>Leaderboard:Viewers:RequireKey</c> on.</summary>
public sealed class ViewerFixture : IAsyncLifetime
{
    private LeaderboardServer? _open;
    private LeaderboardServer? _locked;

    public LeaderboardServer Open => _open ?? throw new InvalidOperationException("the node has not started");

    public LeaderboardServer Locked => _locked ?? throw new InvalidOperationException("the node has not started");

    public async Task InitializeAsync()
    {
        var open = LeaderboardServer.StartAsync();
        var locked = LeaderboardServer.StartAsync(new Dictionary<string, string> { ["Leaderboard:Viewers:RequireKey"] = "true" });
        _open = await open;
        _locked = await locked;
    }

    public async Task DisposeAsync()
    {
        if (_open is not null)
        {
            await _open.DisposeAsync();
        }

        if (_locked is not null)
        {
            await _locked.DisposeAsync();
        }
    }
}
