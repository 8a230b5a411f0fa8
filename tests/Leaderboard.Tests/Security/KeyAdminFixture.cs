using Leaderboard.Tests.Infrastructure;

namespace Leaderboard.Tests.Security;

/// <summary>An embedded node with one configured integrator key (listed as <c>config-0</c>), shared by <see cref="KeyAdminTests"/>.</summary>
public sealed class KeyAdminFixture : IAsyncLifetime
{
    public const string ConfiguredKey = "khoa-cau-hinh-3d7a";

    private LeaderboardServer? _server;

    public LeaderboardServer Server => _server ?? throw new InvalidOperationException("the node has not started");

    public async Task InitializeAsync() => _server = await LeaderboardServer.StartAsync(new Dictionary<string, string>
    {
        ["Leaderboard:Keys:0:Name"] = "cau-hinh",
        ["Leaderboard:Keys:0:Key"] = ConfiguredKey,
        ["Leaderboard:Keys:0:Units:0"] = "000.07.12.H37",
    });

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
