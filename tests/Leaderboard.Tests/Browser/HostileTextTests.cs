using System.Net;
using System.Text;
using Leaderboard.Testing;
using Leaderboard.Tests.Infrastructure;
using Npgsql;
using static Microsoft.Playwright.Assertions;

namespace Leaderboard.Tests.Browser;

/// <summary>
/// Well-formed events and catalogue entries carrying hostile text (script and SQL fragments, bidirectional marks,
/// emoji, combining diacritics) are accepted, stored verbatim in the journal, and shown as text on the pages.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class HostileTextTests(PostgresFixture postgres, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Unit = "000.01.12.H37";

    private const string HostileName = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\"> Văn phòng Sở'; DROP TABLE journal; -- \u202Eabc 🏛️ Vă\u0300n";

    /// <summary>A second unit's name that a spreadsheet would run as a formula if a CSV cell started with it.</summary>
    private const string FormulaUnit = "000.02.12.H37";

    private const string FormulaName = "=HYPERLINK(\"http://x\",\"Phòng Kế hoạch\")";

    [Fact]
    public async Task Hostile_text_is_accepted_stored_verbatim_and_shown_as_text()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var server = await LeaderboardServer.StartAsync(new Dictionary<string, string> { ["ConnectionStrings:Leaderboard"] = database });

        // A unit renamed through the admin API (CSV quoting for the quote and nothing else special).
        var units = await File.ReadAllTextAsync(RepoPaths.Combine("web", "SampleData", "units.csv"));
        var renamed = units.Replace($"{Unit},Văn phòng Sở,", $"{Unit},\"{HostileName.Replace("\"", "\"\"", StringComparison.Ordinal)}\",", StringComparison.Ordinal);
        Assert.NotEqual(units, renamed);
        var formulaLine = renamed.Split('\n').Single(l => l.StartsWith(FormulaUnit + ",", StringComparison.Ordinal));
        var formulaFields = formulaLine.Split(',');
        formulaFields[1] = $"\"{FormulaName.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
        renamed = renamed.Replace(formulaLine, string.Join(',', formulaFields), StringComparison.Ordinal);
        using (var put = await server.Client.PutAsync(new Uri("/api/v1/admin/catalogue/units", UriKind.Relative), new StringContent(renamed, Encoding.UTF8, "text/csv")))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        // An event whose free text is hostile, sent as raw UTF-8 (not escaped), so the bytes themselves are stored.
        var element = """{"id":"hostile-1","type":"dossier.received","occurredAt":"2024-07-01T08:00:00+07:00","unit":"000.01.12.H37","dossier":"D-<b>x</b>'; DROP TABLE journal;--","procedure":"9.000502","channel":"direct","note":"<script>alert(1)</script> ‮ 👩‍💻 Nguyễn Văn A"}""";
        var voided = """{"id":"hostile-2","type":"dossier.voided","occurredAt":"2024-07-02T08:00:00+07:00","unit":"000.01.12.H37","dossier":"D-other","reason":"<img src=x onerror=alert(1)> '; DELETE FROM journal; --"}""";
        using (var post = await EventsEndpoint.PostAsync(server, new StringContent($"[{element},\n  {voided}]", Encoding.UTF8, "application/json")))
        {
            IngestAnswer.Tally(await IngestAnswer.OkAsync(post), accepted: 2, duplicates: 0);
        }

        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var read = new NpgsqlCommand("SELECT event_id, content FROM journal ORDER BY event_id", connection);
            await using var reader = await read.ExecuteReaderAsync();
            var stored = new Dictionary<string, string>();
            while (await reader.ReadAsync())
            {
                stored[reader.GetString(0)] = reader.GetString(1);
            }

            Assert.Equal(element, stored["hostile-1"]);
            Assert.Equal(voided, stored["hostile-2"]);
        }

        await UnitNumbers.ExpectAsync(server, Unit, new DossierCount(0, 1));

        // The pages show the name as text; nothing it contains runs.
        var page = await browser.NewPageAsync(1440, 900);
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };
        await page.GotoAsync(server.Address.ToString());
        await Expect(page.Locator($"#board-body tr[data-unit='{Unit}'] a")).ToHaveTextAsync(HostileName.Trim(), new() { Timeout = 10_000 });
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__pwned ?? null"));

        // In the board's CSV both names are text: quoted as CSV quotes, the formula-like one behind an apostrophe.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-csv").ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync(), Encoding.UTF8);
        Assert.Contains($";\"{HostileName.Replace("\"", "\"\"", StringComparison.Ordinal)}\";", csv, StringComparison.Ordinal);
        Assert.Contains($";\"'{FormulaName.Replace("\"", "\"\"", StringComparison.Ordinal)}\";", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(";=", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(";\"=", csv, StringComparison.Ordinal);

        await page.GotoAsync(new Uri(server.Address, $"/units/{Unit}?campaign={Scenario.Campaign}").ToString());
        await Expect(page.Locator("h1")).ToHaveTextAsync(HostileName.Trim(), new() { Timeout = 10_000 });
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__pwned ?? null"));
        await page.GotoAsync(new Uri(server.Address, Scenario.WallPath()).ToString());
        await Expect(page.Locator($"[data-unit='{Unit}']").First).ToBeVisibleAsync(new() { Timeout = 10_000 });
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__pwned ?? null"));
        Assert.Equal(0, dialogs);
        Assert.Equal(0, await page.Locator("img[src='x']").CountAsync());
        await page.Context.CloseAsync();
    }
}
