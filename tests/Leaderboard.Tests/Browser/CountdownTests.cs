using Leaderboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Leaderboard.Tests.Browser;

/// <summary>
/// The header's countdown on the three pages, with the browser's clock set before, during and after the sample
/// campaign (06/06–31/12/2024, Asia/Ho_Chi_Minh): days to the start, days left, then the words alone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CountdownTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_pages_count_down_to_the_start_then_to_the_end_then_say_the_campaign_has_ended()
    {
        await using var server = await LeaderboardServer.StartAsync();

        // (browser clock in UTC, the board and unit pages' words, the wall's figure or null when hidden, its label)
        (DateTime Now, string Pill, string? Figure, string Label)[] cases =
        [
            // 12:00 on 01/06/2024 in Hanoi: five days before the first day.
            (new DateTime(2024, 6, 1, 5, 0, 0, DateTimeKind.Utc), "Bắt đầu 06/06/2024", "5", "ngày nữa bắt đầu"),
            // 29/12/2024: the 29th, 30th and 31st are left.
            (new DateTime(2024, 12, 29, 5, 0, 0, DateTimeKind.Utc), "còn 3 ngày", "3", "ngày còn lại"),
            // 23:59 on 31/12/2024 in Hanoi: still the last day.
            (new DateTime(2024, 12, 31, 16, 59, 0, DateTimeKind.Utc), "còn 1 ngày", "1", "ngày còn lại"),
            // 00:00 on 01/01/2025 in Hanoi: over.
            (new DateTime(2024, 12, 31, 17, 0, 0, DateTimeKind.Utc), "Đã kết thúc", null, "Đợt thi đua đã kết thúc"),
        ];

        foreach (var (now, pill, figure, label) in cases)
        {
            var page = await browser.NewPageAsync(1440, 900);
            await page.Clock.SetFixedTimeAsync(now);

            await page.GotoAsync(server.Address.ToString());
            await Expect(page.Locator("#days-left")).ToHaveTextAsync(pill);

            await page.GotoAsync(new Uri(server.Address, $"/units/{Scenario.Leader}?campaign={Scenario.Campaign}").ToString());
            await Expect(page.Locator("#days-left")).ToHaveTextAsync(pill);

            await page.GotoAsync(new Uri(server.Address, Scenario.WallPath()).ToString());
            await Expect(page.Locator("#days-left-label")).ToHaveTextAsync(label);
            if (figure is null)
            {
                await Expect(page.Locator("#days-left")).ToBeHiddenAsync();
            }
            else
            {
                await Expect(page.Locator("#days-left")).ToHaveTextAsync(figure);
            }

            await page.Context.CloseAsync();
        }
    }
}
