using System.Text.Json;
using Leaderboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Leaderboard.Tests.Browser;

/// <summary>The wall display in Chromium against a real node: the ranking, a live move, the celebration, the type sizes.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WallDisplayTests(BrowserFixture browser)
{
    /// <summary>The bound on a live change reaching the wall (the issue's 10 s).</summary>
    private const float LiveTimeoutMs = 10_000;

    [Fact]
    public async Task The_wall_shows_the_ranking_and_a_posted_change_moves_the_row_live_with_a_celebration()
    {
        await using var server = await LeaderboardServer.StartAsync();
        await Scenario.PostAsync(server, Scenario.Seed("w1"));
        await Scenario.WaitForSeedAsync(server);

        var page = await browser.NewPageAsync(1920, 1080);
        var navigations = 0;
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame)
            {
                navigations++;
            }
        };
        await page.GotoAsync(new Uri(server.Address, Scenario.WallPath()).ToString());

        // The sample organisation's ranking: the ten units of the board, in rank order, live.
        var climber = page.Locator($".rank-row[data-unit='{Scenario.Climber}']");
        await Expect(page.Locator(".rank-row")).ToHaveCountAsync(10);
        await Expect(page.Locator($".rank-row[data-unit='{Scenario.Leader}']")).ToHaveAttributeAsync("data-position", "1");
        await Expect(page.Locator($".rank-row[data-unit='{Scenario.Second}']")).ToHaveAttributeAsync("data-position", "2");
        await Expect(climber).ToHaveAttributeAsync("data-position", "3");
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await Expect(climber.Locator(".cell-ind[data-indicator='online-payment'] .ind-pct")).ToHaveTextAsync(ViFormat.Percent(3, 12));
        await Expect(climber.Locator(".cell-ind[data-indicator='online-payment'] .ind-badge")).ToContainTextAsync("Chưa đạt");
        await Expect(page.Locator($".rank-row[data-unit='{Scenario.Leader}'] .cell-ind[data-indicator='online-payment'] .ind-badge")).ToContainTextAsync("Đạt");
        await Expect(page.Locator("#campaign-name")).ToContainTextAsync("Thi đua cao điểm");
        // The sample campaign ended on 31/12/2024: the words alone, no big "0" beside them.
        await Expect(page.Locator("#days-left-label")).ToHaveTextAsync("Đợt thi đua đã kết thúc");
        await Expect(page.Locator("#days-left")).ToBeHiddenAsync();
        // Units with too little data, and indicators that do not apply, say so in words.
        await Expect(page.Locator(".rank-row[data-unit='000.05.12.H37'] .score-tag")).ToHaveTextAsync("chưa đủ dữ liệu");
        await Expect(page.Locator(".rank-row[data-unit='000.05.12.H37'] .cell-ind[data-indicator='online-payment'] .ind-note")).ToHaveTextAsync("không áp dụng");

        await AssertReadableFromAfarAsync(page);
        await AssertNoScrollAsync(page);
        await Screenshots.SaveAsync(page, "wall-1920x1080.png");

        var climberBefore = await climber.BoundingBoxAsync();
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");

        await Scenario.PostAsync(server, Scenario.Boost("w1"));

        // The row moves to its new place through the live connection, within the bound, with no reload.
        await Expect(climber).ToHaveAttributeAsync("data-position", "1", new() { Timeout = LiveTimeoutMs });
        await Expect(climber).ToHaveAttributeAsync("data-rank", "1", new() { Timeout = LiveTimeoutMs });
        await Expect(climber.Locator(".cell-ind[data-indicator='online-payment'] .ind-pct")).ToHaveTextAsync(ViFormat.Percent(10, 19), new() { Timeout = LiveTimeoutMs });
        await Expect(climber.Locator(".cell-ind[data-indicator='online-payment']")).ToHaveAttributeAsync("data-status", "met", new() { Timeout = LiveTimeoutMs });
        await Expect(page.Locator($".rank-row[data-unit='{Scenario.Second}']")).ToHaveAttributeAsync("data-position", "3", new() { Timeout = LiveTimeoutMs });

        // The crossing of the target is celebrated: a banner in the letter's words and a highlight of the row.
        var banner = page.Locator("#celebration");
        await Expect(banner).ToBeVisibleAsync(new() { Timeout = LiveTimeoutMs });
        await Expect(banner).ToContainTextAsync($"{Scenario.ClimberName} đạt chỉ tiêu thanh toán trực tuyến 45 %");
        await Expect(climber).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bcelebrate\b"));
        // The banner lies over the header, never over the rows: the room still reads every unit's figures.
        var bannerBox = await banner.BoundingBoxAsync();
        var rankingBox = await page.Locator("#ranking").BoundingBoxAsync();
        Assert.True(bannerBox!.Y + bannerBox.Height <= rankingBox!.Y, $"the banner ({bannerBox.Y} + {bannerBox.Height}) covers the rows (from {rankingBox.Y})");

        // The row glided up on screen (it is drawn at its new place once the half-second move ends).
        await page.WaitForFunctionAsync(
            "([a, b]) => document.querySelector(`.rank-row[data-unit='${a}']`).getBoundingClientRect().top < document.querySelector(`.rank-row[data-unit='${b}']`).getBoundingClientRect().top",
            new object[] { Scenario.Climber, Scenario.Leader }, new() { Timeout = 5_000 });
        var climberAfter = await climber.BoundingBoxAsync();
        Assert.True(climberAfter!.Y < climberBefore!.Y, $"the row did not move up ({climberBefore.Y} → {climberAfter.Y})");
        await Screenshots.SaveAsync(page, "wall-1920x1080-celebration.png");

        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page was reloaded");
        Assert.Equal(1, navigations);

        // The activity of the posted events reaches the ticker.
        await Expect(page.Locator("#ticker .ticker-item").First).ToContainTextAsync("hồ sơ", new() { Timeout = LiveTimeoutMs });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_wall_whose_address_names_no_board_says_so_on_screen_and_lists_the_boards()
    {
        await using var server = await LeaderboardServer.StartAsync();
        var page = await browser.NewPageAsync(1920, 1080);

        await page.GotoAsync(new Uri(server.Address, "/wall?campaign=snn-ls-2024-tttt&board=nope").ToString());

        var message = page.Locator("#wall-message");
        await Expect(message).ToBeVisibleAsync();
        await Expect(message).ToContainTextAsync("không có bảng “nope”");
        await Expect(message).ToContainTextAsync("don-vi");
        // On the screen, not below it, and the dot does not blame the network.
        var box = await message.BoundingBoxAsync();
        Assert.True(box is { } b && b.Y + b.Height <= 1080, $"the message is at {box?.Y} (height {box?.Height})");
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
        // The campaign is known, so its name heads the screen rather than a placeholder; nothing shown, nothing counted down.
        await Expect(page.Locator("#campaign-name")).ToContainTextAsync("Thi đua cao điểm");
        await Expect(page.Locator(".fact-days")).ToBeHiddenAsync();

        await page.GotoAsync(new Uri(server.Address, "/wall?campaign=khong-co&board=don-vi").ToString());
        await Expect(page.Locator("#wall-message")).ToContainTextAsync("Không có đợt thi đua “khong-co”");
        await Expect(page.Locator("#wall-message")).ToContainTextAsync("snn-ls-2024-tttt");
        await Expect(page.Locator("#campaign-name")).ToHaveTextAsync("Màn hình thi đua");
    }

    [Fact]
    public async Task The_rotation_shows_the_targets_overview_and_the_movers_and_the_light_theme_holds()
    {
        await using var server = await LeaderboardServer.StartAsync();
        await Scenario.PostAsync(server, Scenario.Seed("w2"));
        await Scenario.WaitForSeedAsync(server);

        var page = await browser.NewPageAsync(1920, 1080);
        await page.GotoAsync(new Uri(server.Address, Scenario.WallPath("&views=targets,movers&theme=light")).ToString());
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "light");
        var targets = page.Locator("#view-targets");
        await Expect(targets).ToBeVisibleAsync();
        var row = targets.Locator($"tr[data-unit='{Scenario.Leader}']");
        await Expect(row).ToContainTextAsync("✓");
        await Expect(row).ToContainTextAsync(ViFormat.Percent(6, 12));
        await Expect(targets.Locator($"tr[data-unit='{Scenario.Climber}']")).ToContainTextAsync("✗");
        await Expect(targets.Locator("tbody tr")).ToHaveCountAsync(10);
        // The scored columns say so, and a unit without enough data to be ranked is marked as in the ranking.
        await Expect(targets.Locator("thead .tg-ind.weighted").First).ToContainTextAsync("tính điểm");
        await Expect(targets.Locator("thead .tg-ind:not(.weighted)").First).ToContainTextAsync("theo dõi");
        await Expect(targets.Locator("tr[data-unit='000.05.12.H37'] .tg-sum")).ToHaveTextAsync("chưa đủ dữ liệu");
        await AssertReadableFromAfarAsync(page);
        await AssertNoScrollAsync(page);
        await Screenshots.SaveAsync(page, "wall-targets-light-1920x1080.png");
        await page.Context.CloseAsync();

        // With a rotation interval the views take turns by themselves.
        page = await browser.NewPageAsync(1920, 1080);
        await page.GotoAsync(new Uri(server.Address, $"/wall?campaign={Scenario.Campaign}&board={Scenario.Board}&rotate=5").ToString());
        await Expect(page.Locator("#view-ranking")).ToBeVisibleAsync();
        await Expect(page.Locator("#view-targets")).ToBeVisibleAsync(new() { Timeout = 8_000 });
        await Expect(page.Locator("#view-movers")).ToBeVisibleAsync(new() { Timeout = 8_000 });
        await Screenshots.SaveAsync(page, "wall-movers-1920x1080.png");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_movers_view_lists_the_targets_met_today_on_a_wall_opened_after_they_were_met()
    {
        await using var server = await LeaderboardServer.StartAsync();
        await Scenario.PostAsync(server, Scenario.Seed("w3"));
        await Scenario.PostAsync(server, Scenario.Boost("w3"));
        await Scenario.WaitForBoostAsync(server);

        // 15:00 on 11/12/2024 in Hanoi, the day the climber's boost took it over the online-payment target. The wall
        // saw nothing live: what it lists comes from the board as it stood at the end of 10/12. The leader met the same
        // target the day before and is not listed again.
        var page = await browser.NewPageAsync(1920, 1080);
        await page.Clock.SetFixedTimeAsync(new DateTime(2024, 12, 11, 8, 0, 0, DateTimeKind.Utc));
        await page.GotoAsync(new Uri(server.Address, Scenario.WallPath("&views=movers")).ToString());
        var met = page.Locator("#movers-targets li.mover");
        await Expect(met).ToHaveCountAsync(1);
        await Expect(met).ToHaveAttributeAsync("data-unit", Scenario.Climber);
        await Expect(met).ToHaveAttributeAsync("data-indicator", "online-payment");
        await Expect(met).ToContainTextAsync("Tỷ lệ thanh toán trực tuyến 45 %");
        await AssertReadableFromAfarAsync(page);
        await Screenshots.SaveAsync(page, "wall-movers-met-today-1920x1080.png");
        await page.Context.CloseAsync();
    }

    /// <summary>Names at 28 px or more, figures (rates, scores, movements, counts met) at 32 px or more, and no visible text under 20 px.</summary>
    internal static async Task AssertReadableFromAfarAsync(IPage page)
    {
        var sizes = await page.EvaluateAsync<JsonElement>("""
            () => {
              const px = el => parseFloat(getComputedStyle(el).fontSize);
              const visible = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden' && !el.closest('.sr-only,[hidden]');
              const min = sel => Math.min(...[...document.querySelectorAll(sel)].filter(visible).map(px), 999);
              let smallest = 999, where = '';
              for (const el of document.querySelectorAll('body *')) {
                const hasText = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim() !== '');
                if (hasText && visible(el) && px(el) < smallest) { smallest = px(el); where = el.className || el.tagName; }
              }
              return { names: min('.name-text, tbody .tg-name'), figures: min('.ind-pct, .score-value, .tg-pct, .rank-row .cell-move, tbody .tg-sum, .mover-detail, .mover-delta'), smallest, where };
            }
            """);
        var names = sizes.GetProperty("names").GetDouble();
        var figures = sizes.GetProperty("figures").GetDouble();
        var smallest = sizes.GetProperty("smallest").GetDouble();
        Assert.True(names >= 28, $"unit names at {names} px");
        Assert.True(figures >= 32, $"figures at {figures} px");
        Assert.True(smallest >= 20, $"text at {smallest} px in {sizes.GetProperty("where")}");
    }

    internal static async Task AssertNoScrollAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollHeight > innerHeight || document.documentElement.scrollWidth > innerWidth");
        Assert.False(overflow, "the wall display scrolls");
    }
}
