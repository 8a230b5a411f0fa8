using System.Globalization;
using System.Text.RegularExpressions;
using Leaderboard.Testing;
using Leaderboard.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Leaderboard.Tests.Hubs;

/// <summary>
/// The pages give up on a server they have not heard from for their server timeout (live.js), so the hub must ping
/// at least twice within it (SignalR's advice): with the default keep-alive of 15 s against the pages' 15 s, a page
/// on a quiet board blinked "reconnecting" every 15 s and subscribed again.
/// </summary>
public sealed partial class KeepAliveTests
{
    [Fact]
    public async Task The_hub_pings_at_least_twice_within_the_pages_server_timeout()
    {
        var script = await File.ReadAllTextAsync(RepoPaths.Combine("web", "wwwroot", "js", "live.js"));
        var match = ServerTimeout().Match(script);
        Assert.True(match.Success, "live.js sets serverTimeoutInMilliseconds");
        var pagesTimeout = TimeSpan.FromMilliseconds(double.Parse(match.Groups[1].Value.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture));

        await using var server = await LeaderboardServer.StartAsync();
        var keepAlive = server.Services.GetRequiredService<IOptions<HubOptions>>().Value.KeepAliveInterval;

        Assert.NotNull(keepAlive);
        Assert.True(keepAlive.Value * 2 <= pagesTimeout, $"keep-alive {keepAlive} against the pages' server timeout {pagesTimeout}");
    }

    [GeneratedRegex(@"serverTimeoutInMilliseconds\s*=\s*([\d_]+)")]
    private static partial Regex ServerTimeout();
}
