using Leaderboard.Tests.Infrastructure;

namespace Leaderboard.Tests.Api;

/// <summary>A node with integrator keys configured as an operator would (api.md, Keys), shared by <see cref="EventsAuthTests"/>.</summary>
public sealed class EventsAuthFixture : IAsyncLifetime
{
    /// <summary>A key that may read but not write (CanWrite=false).</summary>
    public const string ReadOnlyKey = "khoa-chi-doc-5c1f";

    /// <summary>Chi cục Chăn nuôi và Thú y's own system: scoped to 000.07.12.H37.</summary>
    public const string ChiCucKey = "khoa-chi-cuc-thu-y-9a2e";

    /// <summary>Scoped to the Sở (000.00.12.H37), so to every unit under it.</summary>
    public const string SoKey = "khoa-so-nn-ptnt-77b0";

    private LeaderboardServer? _server;

    public LeaderboardServer Server => _server ?? throw new InvalidOperationException("the node has not started");

    public async Task InitializeAsync() => _server = await LeaderboardServer.StartAsync(new Dictionary<string, string>
    {
        ["Leaderboard:Keys:0:Name"] = "chi-doc",
        ["Leaderboard:Keys:0:Key"] = ReadOnlyKey,
        ["Leaderboard:Keys:0:Units:0"] = "000.07.12.H37",
        ["Leaderboard:Keys:0:CanWrite"] = "false",
        ["Leaderboard:Keys:1:Name"] = "chi-cuc-thu-y",
        ["Leaderboard:Keys:1:Key"] = ChiCucKey,
        ["Leaderboard:Keys:1:Units:0"] = "000.07.12.H37",
        ["Leaderboard:Keys:1:CanWrite"] = "true",
        ["Leaderboard:Keys:2:Name"] = "so-nn-ptnt",
        ["Leaderboard:Keys:2:Key"] = SoKey,
        ["Leaderboard:Keys:2:Units:0"] = "000.00.12.H37",
    });

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
