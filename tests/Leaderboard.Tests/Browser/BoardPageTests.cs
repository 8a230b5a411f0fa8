using System.Text;
using Leaderboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Leaderboard.Tests.Browser;

/// <summary>
/// The board page in Chromium: the live table, the search without diacritics, the links to unit pages; a past day's
/// board, its CSV and its printout for the campaign's review.
/// </summary>
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

    [Fact]
    public async Task A_language_named_in_the_address_carries_to_the_pages_it_links_to_and_the_switch_sticks()
    {
        await using var server = await LeaderboardServer.StartAsync();
        var page = await browser.NewPageAsync(1440, 900);
        await page.GotoAsync(new Uri(server.Address, $"/?lang=en&campaign={Scenario.Campaign}&board={Scenario.Board}").ToString());
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        // A unit's page, reached by its link (which names no language), speaks English too.
        await page.Locator("#board-body tr a.unit-link").First.ClickAsync();
        await Expect(page.Locator("h1")).Not.ToHaveTextAsync(string.Empty);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await page.GoBackAsync();

        // Switched back to Vietnamese, the page stays Vietnamese on a reload: the address no longer says English.
        await page.Locator("#lang-toggle").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        Assert.DoesNotContain("lang=en", page.Url, StringComparison.Ordinal);
        await page.ReloadAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_past_day_shows_the_ranking_at_its_end_not_live_and_downloads_and_prints_for_the_review()
    {
        await using var server = await LeaderboardServer.StartAsync();
        await Scenario.PostAsync(server, Scenario.Seed("r1"));
        await Scenario.PostAsync(server, Scenario.Boost("r1"));
        await Scenario.WaitForBoostAsync(server);

        var page = await browser.NewPageAsync(1440, 900);
        await page.GotoAsync(new Uri(server.Address, $"/?campaign={Scenario.Campaign}&board={Scenario.Board}&asOf=2024-12-10").ToString());

        // At the end of 10/12 the climber was third (3 of 12 paid online); live, the boost of 11/12 puts it first.
        var climber = page.Locator($"#board-body tr[data-unit='{Scenario.Climber}']");
        await Expect(climber).ToHaveAttributeAsync("data-rank", "3");
        await Expect(page.Locator("#board-body tr").First).ToHaveAttributeAsync("data-unit", Scenario.Leader);
        await Expect(page.Locator("#board-title")).ToContainTextAsync("số liệu đến hết ngày 10/12/2024");
        await Expect(page.Locator("#updated-at")).ToHaveTextAsync("số liệu đến hết ngày 10/12/2024");
        await Expect(page.Locator("#connection-status")).ToHaveAttributeAsync("data-state", "fixed");
        await Expect(page.Locator("#as-of")).ToHaveValueAsync("10/12/2024");
        await Expect(page.Locator("#days-left")).ToBeHiddenAsync();
        // An indicator with nothing counted yet (no dossier finished: 0/0 on time) is not a target missed.
        await Expect(climber.Locator(".col-ind[data-indicator='on-time'] .badge")).ToHaveTextAsync("chưa có số liệu");
        // What the commendations start from: of the three units with enough data, only the leader paid 45 % online.
        await Expect(page.Locator("#targets-summary-title")).ToHaveTextAsync("Số đơn vị đạt chỉ tiêu, trong 3 đơn vị đủ dữ liệu xếp hạng:");
        await Expect(page.Locator("#targets-summary li[data-indicator='online-payment']"))
            .ToHaveTextAsync("Tỷ lệ thanh toán trực tuyến trên Cổng DVCQG (chỉ tiêu 45 %): 1/3");
        await Screenshots.SaveAsync(page, "board-as-of-1440x900.png");

        // A unit of that board opens as at the end of that day too: 3 of 12 paid online, where live it has 10 of 19.
        await climber.Locator("a.unit-link").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(Scenario.ClimberName);
        await Expect(page.Locator("#updated-at")).ToHaveTextAsync("số liệu đến hết ngày 10/12/2024");
        await Expect(page.Locator("#connection-status")).ToHaveAttributeAsync("data-state", "fixed");
        await Expect(page.Locator("#cards")).ToContainTextAsync("3/12");
        // That day's movement is said to be that day's, and no count of days left stands beside another day.
        await Expect(page.Locator(".rank-move").First).ToContainTextAsync("trong ngày 10/12/2024");
        await Expect(page.Locator("#days-left")).ToBeHiddenAsync();
        await Expect(page.Locator("#back-link")).ToHaveAttributeAsync("href", $"/?campaign={Scenario.Campaign}&board={Scenario.Board}&asOf=2024-12-10");
        await page.GoBackAsync();
        await Expect(climber).ToHaveAttributeAsync("data-rank", "3");
        // On a phone too, the day's field and the review's buttons wrap rather than scroll sideways.
        await page.SetViewportSizeAsync(360, 780);
        var scrollWidth = await page.EvaluateAsync<int>("() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)");
        Assert.True(scrollWidth <= 360, $"the page is {scrollWidth} px wide at 360 px");
        await Screenshots.SaveAsync(page, "board-as-of-360x780.png");
        await page.SetViewportSizeAsync(1440, 900);

        // The CSV is the board shown: every unit, UTF-8 with a byte-order mark, Vietnamese headers, the rates as on screen,
        // and ";" between cells with "," in numbers, as a spreadsheet with Vietnamese regional settings reads them.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-csv").ClickAsync());
        Assert.Equal($"xep-hang-{Scenario.Campaign}-{Scenario.Board}-2024-12-10.csv", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(11, lines.Length);
        Assert.StartsWith("Hạng;Hạng hôm trước;Mã đơn vị;Tên đơn vị;", lines[0], StringComparison.Ordinal);
        var climberLine = lines.Single(l => l.Contains(Scenario.Climber, StringComparison.Ordinal));
        Assert.StartsWith("3;", climberLine, StringComparison.Ordinal);
        Assert.Contains($";{Scenario.ClimberName};", climberLine, StringComparison.Ordinal);
        Assert.Contains(";25,0;3;12;Chưa đạt;", climberLine, StringComparison.Ordinal);
        // The score as the API has it, not cut to the three decimals on screen.
        Assert.EndsWith(";0,833333;Có", climberLine, StringComparison.Ordinal);

        // Printed: the table alone, headed by the campaign, the board and the day.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator("#controls")).ToBeHiddenAsync();
        await Expect(page.Locator("#board")).ToBeVisibleAsync();
        // Each printed page says what it shows: a title row in the table's header, which repeats on every page (the
        // screen's title line above the table is not printed, so the first page does not say it twice).
        await Expect(page.Locator("#board-title")).ToBeHiddenAsync();
        await Expect(page.Locator("thead #print-title")).ToBeVisibleAsync();
        await Expect(page.Locator("#print-title")).ToContainTextAsync("Thi đua cao điểm");
        await Expect(page.Locator("#print-title")).ToContainTextAsync("số liệu đến hết ngày 10/12/2024");
        // The counts of units that met each target are printed, and the last page has room to sign it.
        await Expect(page.Locator("#targets-summary")).ToBeVisibleAsync();
        // And when it was printed.
        await Expect(page.Locator("#printed-at")).ToBeVisibleAsync();
        await Expect(page.Locator("#printed-at")).ToContainTextAsync("In lúc ");
        var signatures = page.Locator(".print-signatures");
        await Expect(signatures).ToBeVisibleAsync();
        await Expect(signatures).ToContainTextAsync("Người lập biểu");
        await Expect(signatures).ToContainTextAsync("Thủ trưởng đơn vị");
        // On an A4 page in landscape (as the page's print style asks), every column fits.
        await page.SetViewportSizeAsync(1032, 718);
        var tableWidth = await page.EvaluateAsync<int>("() => document.getElementById('board').getBoundingClientRect().right");
        Assert.True(tableWidth <= 1032, $"the printed table is {tableWidth} px wide on a 1032 px page");
        await Screenshots.SaveAsync(page, "board-print-a4-landscape.png", fullPage: true);
        // Chromium's own printout takes the page size from the print style: A4 across (842 × 595 points).
        var pdf = Encoding.Latin1.GetString(await page.PdfAsync(new() { PreferCSSPageSize = true }));
        Assert.Matches(@"/MediaBox \[0 0 84[12](\.\d+)? 59[45](\.\d+)?\]", pdf);
        await page.SetViewportSizeAsync(1440, 900);
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await Expect(signatures).ToBeHiddenAsync();

        // A day typed as people write it; something that is not a day, or a day without figures, says what to type and
        // changes nothing. The words stay when the page redraws (here: a change of language) until the field changes.
        var field = page.Locator("#as-of");
        var hint = page.Locator("#as-of-hint");
        await field.FillAsync("31/11/2024");
        await field.PressAsync("Tab");
        await Expect(hint).ToHaveTextAsync("Không phải một ngày: nhập dd/mm/yyyy, ví dụ 31/12/2024");
        await page.Locator("#lang-toggle").ClickAsync();
        await Expect(hint).ToHaveTextAsync("Not a day: type dd/mm/yyyy, e.g. 31/12/2024");
        await Expect(field).ToHaveValueAsync("31/11/2024");
        await page.Locator("#lang-toggle").ClickAsync();
        await field.FillAsync("01/06/2024");
        await field.PressAsync("Enter");
        await Expect(hint).ToHaveTextAsync("Chọn một ngày từ 06/06/2024 đến 31/12/2024: ngày có số liệu của đợt thi đua");
        await Expect(climber).ToHaveAttributeAsync("data-rank", "3");
        await field.FillAsync("11/12/2024");
        await field.PressAsync("Enter");
        await Expect(hint).ToHaveTextAsync("Để trống: trực tiếp");
        await Expect(page.Locator("#board-title")).ToContainTextAsync("số liệu đến hết ngày 11/12/2024");
        await Expect(page.Locator("#board-body tr").First).ToHaveAttributeAsync("data-unit", Scenario.Climber);
        // The day's movement, since the end of the day before: the climber went from third to first.
        await Expect(climber.Locator(".col-move")).ToContainTextAsync("▲2");
        Assert.Contains("asOf=2024-12-11", page.Url, StringComparison.Ordinal);

        // The campaign is over: its last day's ranking, the one its review needs, is one click away.
        await page.Locator("#as-of-end").ClickAsync();
        await Expect(page.Locator("#board-title")).ToContainTextAsync("số liệu đến hết ngày 31/12/2024");
        await Expect(page.Locator("#as-of-end")).ToBeHiddenAsync();
        // By the end, the climber's boost (10 of 19 paid online) met the payment target too.
        await Expect(page.Locator("#targets-summary li[data-indicator='online-payment']"))
            .ToHaveTextAsync("Tỷ lệ thanh toán trực tuyến trên Cổng DVCQG (chỉ tiêu 45 %): 2/3");

        // Back to live: the climber leads, and the address no longer names a day.
        await Expect(page.Locator("#print-title")).ToBeHiddenAsync();
        await page.Locator("#back-live").ClickAsync();
        await Expect(page.Locator("#board-body tr").First).ToHaveAttributeAsync("data-unit", Scenario.Climber);
        await Expect(page.Locator("#connection-status")).ToHaveAttributeAsync("data-state", "connected");
        await Expect(page.Locator("#as-of")).ToHaveValueAsync(string.Empty);
        Assert.DoesNotContain("asOf", page.Url, StringComparison.Ordinal);

        // An address whose day is not one shows the live board and says so, rather than dropping it in silence.
        await page.GotoAsync(new Uri(server.Address, $"/?campaign={Scenario.Campaign}&board={Scenario.Board}&asOf=2024-02-31").ToString());
        await Expect(page.Locator("#as-of-hint")).ToHaveTextAsync("Không phải một ngày: nhập dd/mm/yyyy, ví dụ 31/12/2024");
        await Expect(page.Locator("#as-of")).ToHaveValueAsync("2024-02-31");
        await Expect(page.Locator("#connection-status")).ToHaveAttributeAsync("data-state", "connected");

        // A day without figures, written as ISO in the address, is shown back as people write it, with the range.
        await page.GotoAsync(new Uri(server.Address, $"/?campaign={Scenario.Campaign}&board={Scenario.Board}&asOf=2023-01-01").ToString());
        await Expect(page.Locator("#as-of")).ToHaveValueAsync("01/01/2023");
        await Expect(page.Locator("#as-of-hint")).ToContainTextAsync("Chọn một ngày từ 06/06/2024 đến 31/12/2024");

        // A board the address names that does not exist: the page shows the campaign's first and says so.
        await page.GotoAsync(new Uri(server.Address, $"/?campaign={Scenario.Campaign}&board=nope").ToString());
        await Expect(page.Locator("#choice-note")).ToHaveTextAsync("Không có bảng “nope” trong đợt thi đua này; đang hiển thị “Các phòng, đơn vị thuộc Sở”.");
        await Expect(page.Locator("#board-body tr")).ToHaveCountAsync(10);
        await page.Context.CloseAsync();
    }
}
