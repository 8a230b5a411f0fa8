using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Leaderboard.Testing;
using Leaderboard.Tests.Infrastructure;

namespace Leaderboard.Tests.Admin;

/// <summary>The organisation replaced through the admin API: validated like the data folder, in force at once, numbers rebuilt.</summary>
public sealed class CatalogueAdminTests
{
    private const string Campaign = "snn-ls-2024-tttt";
    private const string ScopedKey = "scoped-integrator-key";

    [Fact]
    public async Task Catalogue_changes_need_the_admin_key()
    {
        await using var server = await LeaderboardServer.StartAsync(new Dictionary<string, string>
        {
            ["Leaderboard:Keys:0:Name"] = "chi-cuc-thu-y",
            ["Leaderboard:Keys:0:Key"] = ScopedKey,
            ["Leaderboard:Keys:0:Units:0"] = "000.07.12.H37",
        });
        using var anonymous = new HttpClient { BaseAddress = server.Address };
        using var integrator = new HttpClient { BaseAddress = server.Address };
        integrator.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ScopedKey);
        var units = await File.ReadAllTextAsync(RepoPaths.Combine("web", "SampleData", "units.csv"));

        foreach (var (client, expected) in new[] { (anonymous, HttpStatusCode.Unauthorized), (integrator, HttpStatusCode.Forbidden) })
        {
            using var get = await client.GetAsync(new Uri("/api/v1/admin/catalogue", UriKind.Relative));
            Assert.Equal(expected, get.StatusCode);
            using var put = await client.PutAsync(new Uri("/api/v1/admin/catalogue/units", UriKind.Relative), Csv(units));
            Assert.Equal(expected, put.StatusCode);
            Assert.Equal("application/problem+json", put.Content.Headers.ContentType?.MediaType);
            using var delete = await client.DeleteAsync(new Uri($"/api/v1/admin/catalogue/campaigns/{Campaign}", UriKind.Relative));
            Assert.Equal(expected, delete.StatusCode);
        }

        using var listing = await server.Client.GetAsync(new Uri("/api/v1/admin/catalogue", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, listing.StatusCode);
    }

    [Fact]
    public async Task An_invalid_file_is_refused_naming_file_line_and_field_and_nothing_changes()
    {
        await using var server = await LeaderboardServer.StartAsync();
        var before = await server.GetAsync<JsonElement>("/api/v1/admin/catalogue");
        var units = await File.ReadAllTextAsync(RepoPaths.Combine("web", "SampleData", "units.csv"));
        var broken = units.Replace("000.05.12.H37,Chi cục Kiểm lâm,000.00.12.H37", "000.05.12.H37,Chi cục Kiểm lâm,000.99.99.H37", StringComparison.Ordinal);

        using var response = await server.Client.PutAsync(new Uri("/api/v1/admin/catalogue/units", UriKind.Relative), Csv(broken));

        var problem = await IngestAnswer.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("units.csv", problem.GetProperty("file").GetString());
        Assert.Equal(8, problem.GetProperty("line").GetInt32());
        Assert.Equal("parent", problem.GetProperty("field").GetString());
        var after = await server.GetAsync<JsonElement>("/api/v1/admin/catalogue");
        Assert.Equal(before.GetProperty("revision").GetInt64(), after.GetProperty("revision").GetInt64());
    }

    [Fact]
    public async Task A_new_campaign_and_a_reassigned_procedure_take_effect_with_the_numbers_rebuilt()
    {
        await using var server = await LeaderboardServer.StartAsync();
        var received = new[]
        {
            new { id = "adm-1", type = "dossier.received", occurredAt = "2024-07-01T08:00:00+07:00", unit = "000.05.12.H37", dossier = "ADM-1", procedure = "9.000301", channel = "online" },
            new { id = "adm-2", type = "dossier.received", occurredAt = "2024-07-02T08:00:00+07:00", unit = "000.05.12.H37", dossier = "ADM-2", procedure = "9.000302", channel = "direct" },
        };
        (await server.Client.PostAsJsonAsync(new Uri("/api/v1/events", UriKind.Relative), received)).EnsureSuccessStatusCode();
        await ExpectUsageAsync(server, Campaign, "000.05.12.H37", numerator: 1, denominator: 2);

        // A second campaign on the same events, with July only: a past campaign recomputed from the journal.
        var campaign = """
            {
              "id": "snn-ls-2024-thang-7", "name": "Thi đua tháng 7/2024", "organiser": "000.00.12.H37",
              "start": "2024-07-01", "end": "2024-07-01", "timeZone": "Asia/Ho_Chi_Minh",
              "indicators": [ { "id": "online-dossier", "target": 0.5, "weight": 1 } ],
              "boards": [ { "id": "chi-cuc", "name": "Các chi cục", "units": [ "000.05.12.H37", "000.06.12.H37" ] } ]
            }
            """;
        using (var put = await server.Client.PutAsync(new Uri("/api/v1/admin/catalogue/campaigns/snn-ls-2024-thang-7", UriKind.Relative), new StringContent(campaign, Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        var campaigns = await server.GetAsync<JsonElement>("/api/v1/campaigns");
        Assert.Contains(campaigns.EnumerateArray(), c => c.GetProperty("id").GetString() == "snn-ls-2024-thang-7");
        var board = await Eventually.MatchesAsync(
            () => server.GetAsync<JsonElement>("/api/v1/campaigns/snn-ls-2024-thang-7/boards/chi-cuc"),
            b => b.GetProperty("entries")[0].GetProperty("indicators").GetProperty("online-dossier").GetProperty("denominator").GetInt64() == 1,
            TimeSpan.FromSeconds(10),
            "the new campaign's board did not count the July 1st dossier");
        Assert.Equal("000.05.12.H37", board.GetProperty("entries")[0].GetProperty("unit").GetString());

        // Chi cục Kiểm lâm is now also assigned 9.000401: its usage denominator grows, the numerator stays.
        var assignments = await File.ReadAllTextAsync(RepoPaths.Combine("web", "SampleData", "assignments.csv"));
        using (var put = await server.Client.PutAsync(new Uri("/api/v1/admin/catalogue/assignments", UriKind.Relative), Csv(assignments.TrimEnd() + "\n000.05.12.H37,9.000401\n")))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        await ExpectUsageAsync(server, Campaign, "000.05.12.H37", numerator: 1, denominator: 3);
    }

    private static async Task ExpectUsageAsync(LeaderboardServer server, string campaign, string unit, long numerator, long denominator) =>
        await Eventually.MatchesAsync(
            () => server.GetAsync<JsonElement>($"/api/v1/campaigns/{campaign}/units/{unit}"),
            u =>
            {
                var usage = u.GetProperty("indicators").GetProperty("online-service-usage");
                return usage.GetProperty("numerator").GetInt64() == numerator && usage.GetProperty("denominator").GetInt64() == denominator;
            },
            TimeSpan.FromSeconds(10),
            $"{unit} did not show usage {numerator}/{denominator}");

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");
}
