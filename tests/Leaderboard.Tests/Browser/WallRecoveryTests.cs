using System.Text.Json.Nodes;
using Leaderboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Leaderboard.Tests.Browser;

/// <summary>
/// The wall display across a server restart, on PostgreSQL so the figures survive it: the page says it is
/// disconnected while the server is down, reconnects by itself to the new node on the same port, takes a fresh
/// snapshot and shows the correct figures, including a change posted before it got back.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class WallRecoveryTests(PostgresFixture postgres, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task After_the_server_stops_and_starts_again_the_wall_shows_it_was_disconnected_and_recovers_with_the_right_figures()
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Leaderboard"] = await postgres.CreateDatabaseAsync(),
        };
        LeaderboardServer? server = await LeaderboardServer.StartAsync(settings);
        var port = server.Address.Port;
        try
        {
            await Scenario.PostAsync(server, Scenario.Seed("r1"));
            await Scenario.WaitForSeedAsync(server);

            var page = await browser.NewPageAsync(1920, 1080);
            await page.GotoAsync(new Uri(server.Address, Scenario.WallPath()).ToString());
            var climber = page.Locator($".rank-row[data-unit='{Scenario.Climber}']");
            var connection = page.Locator("#connection");
            await Expect(climber).ToHaveAttributeAsync("data-position", "3");
            await Expect(connection).ToHaveAttributeAsync("data-state", "connected");
            await page.EvaluateAsync("() => { window.__sameDocument = true; }");

            // The server goes away: first amber (reconnecting), then red with words, and the figures are marked stale.
            await server.DisposeAsync();
            server = null;
            await Expect(connection).ToHaveAttributeAsync("data-state", "disconnected", new() { Timeout = 20_000 });
            await Expect(connection).ToContainTextAsync("Mất kết nối");
            await Expect(page.Locator("#stale-banner")).ToBeVisibleAsync();
            await Expect(page.Locator("#stale-banner")).ToContainTextAsync("có thể đã cũ");
            await Expect(page.Locator("body")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bstale\b"));
            await Screenshots.SaveAsync(page, "wall-1920x1080-disconnected.png");

            // A new node on the same port and the same database; a change lands before the page is back.
            server = await LeaderboardServer.StartAsync(settings, port: port);
            await Scenario.PostAsync(server, Scenario.Boost("r1"));

            await Expect(connection).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 30_000 });
            await Expect(page.Locator("#stale-banner")).ToBeHiddenAsync();
            await Expect(climber).ToHaveAttributeAsync("data-position", "1", new() { Timeout = 15_000 });

            // Every row shows what the API says now.
            await Scenario.WaitForBoostAsync(server);
            var board = await server.GetAsync<JsonNode>($"/api/v1/campaigns/{Scenario.Campaign}/boards/{Scenario.Board}");
            foreach (var entry in board["entries"]!.AsArray())
            {
                var row = page.Locator($".rank-row[data-unit='{(string)entry!["unit"]!}']");
                await Expect(row).ToHaveAttributeAsync("data-rank", ((int)entry["rank"]!).ToString(System.Globalization.CultureInfo.InvariantCulture));
                var payment = entry["indicators"]!["online-payment"]!;
                if ((bool)payment["applicable"]! && (long)payment["denominator"]! > 0)
                {
                    await Expect(row.Locator(".cell-ind[data-indicator='online-payment'] .ind-pct"))
                        .ToHaveTextAsync(ViFormat.Percent((long)payment["numerator"]!, (long)payment["denominator"]!));
                }
            }

            Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page was reloaded");
            await page.Context.CloseAsync();
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }
    }
}
