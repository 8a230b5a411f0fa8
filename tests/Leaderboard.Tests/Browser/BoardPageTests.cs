using Leaderboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Leaderboard.Tests.Browser;

/// <summary>The board page in Chromium: the live table, the search without diacritics, the links to unit pages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BoardPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_board_page_shows_the_table_finds_a_unit_without_diacritics_and_links_to_its_page()
    {
        await using var server = await LeaderboardServer.StartAsync();
        await Scenario.PostAsync(server, Scenario.Seed("b1"));
        await Scenario.WaitForSeedAsync(server);

        var page = await browser.NewPageAsync(1440, 900);
        await page.GotoAsync(server.Address.ToString());
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await Expect(page.Locator("#board-body tr")).ToHaveCountAsync(10);
        await Expect(page.Locator("#board-body tr").First).ToHaveAttributeAsync("data-unit", Scenario.Leader);
        await Expect(page.Locator("#connection-status")).ToHaveAttributeAsync("data-state", "connected");
        // The sample campaign ended on 31/12/2024: said in words, not as "còn 0 ngày".
        await Expect(page.Locator("#days-left")).ToHaveTextAsync("Đã kết thúc");
        await Screenshots.SaveAsync(page, "board-1440x900.png");

        // Keyboard: the controls are reachable with Tab.
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        var focused = await page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''");
        Assert.False(string.IsNullOrEmpty(focused), "Tab reaches no control");

        await page.Locator("#unit-search").FillAsync("chan nuoi");
        await Expect(page.Locator("#board-body tr:visible")).ToHaveCountAsync(1);
        var link = page.Locator($"#board-body tr[data-unit='{Scenario.Climber}'] a");
        await Expect(link).ToHaveTextAsync(Scenario.ClimberName);
        await Expect(link).ToHaveAttributeAsync("href", $"/units/{Scenario.Climber}?campaign={Scenario.Campaign}");

        // Live: the boost moves the climber to the top of the table without a reload.
        await page.Locator("#unit-search").FillAsync(string.Empty);
        await Scenario.PostAsync(server, Scenario.Boost("b1"));
        await Expect(page.Locator("#board-body tr").First).ToHaveAttributeAsync("data-unit", Scenario.Climber, new() { Timeout = 10_000 });

        await link.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(Scenario.ClimberName);
        await page.Context.CloseAsync();
    }
}
