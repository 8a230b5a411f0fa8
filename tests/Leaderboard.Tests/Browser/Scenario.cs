using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Leaderboard.Tests.Infrastructure;

namespace Leaderboard.Tests.Browser;

/// <summary>
/// Events for the sample organisation that give the browser tests a known ranking on the "don-vi" board, and then a
/// live change that moves a unit up and lifts it across the online-payment target.
/// </summary>
public static class Scenario
{
    public const string Campaign = "snn-ls-2024-tttt";
    public const string Board = "don-vi";

    /// <summary>Chi cục Trồng trọt và Bảo vệ thực vật: every procedure online, 6 of 12 paid online (50 %): rank 1.</summary>
    public const string Leader = "000.06.12.H37";

    /// <summary>Chi cục Quản lý chất lượng Nông lâm sản và Thủy sản: 5 of 12 paid online (41,6 %): rank 2.</summary>
    public const string Second = "000.10.12.H37";

    /// <summary>Chi cục Chăn nuôi và Thú y: 3 of 12 paid online (25 %), rank 3; the boost takes it to 10 of 19 (52,6 %), rank 1.</summary>
    public const string Climber = "000.07.12.H37";

    public const string ClimberName = "Chi cục Chăn nuôi và Thú y";

    private static readonly string[] LeaderProcedures = ["9.000201", "9.000202", "9.000203", "9.000801"];
    private static readonly string[] SecondProcedures = ["9.000601", "9.000602"];
    private static readonly string[] ClimberProcedures = ["9.000101", "9.000102", "9.000103", "9.000104"];

    /// <summary>Three eligible units ranked 1, 2, 3; the other seven have too little data and follow.</summary>
    public static JsonArray Seed(string run)
    {
        var events = new JsonArray();
        AddDossiers(events, run, Leader, LeaderProcedures, first: 1, count: 12, paidOnline: 6, day: 10);
        AddDossiers(events, run, Second, SecondProcedures, first: 1, count: 12, paidOnline: 5, day: 10);
        AddDossiers(events, run, Climber, ClimberProcedures, first: 1, count: 12, paidOnline: 3, day: 10);
        return events;
    }

    /// <summary>Seven more dossiers for the climber, each paid online: 10 of 19 (52,6 %) meets 45 % and beats the leader's 50 %.</summary>
    public static JsonArray Boost(string run)
    {
        var events = new JsonArray();
        AddDossiers(events, run, Climber, ClimberProcedures, first: 13, count: 7, paidOnline: 7, day: 11);
        return events;
    }

    public static async Task PostAsync(LeaderboardServer server, JsonArray events)
    {
        using var response = await server.Client.PostAsJsonAsync(new Uri("/api/v1/events", UriKind.Relative), events);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var answer = JsonNode.Parse(body)!;
        Assert.True(answer["rejected"]!.AsArray().Count == 0, body);
    }

    /// <summary>
    /// Waits until the board (GET) has counted every seeded dossier (online payments 6/12, 5/12 and 3/12) and shows the
    /// climber third. The units' deltas travel separately, so a rank alone can be seen before the last of them is in.
    /// </summary>
    public static Task WaitForSeedAsync(LeaderboardServer server) =>
        WaitForBoardAsync(server, climberRank: 3, (Leader, 6, 12), (Second, 5, 12), (Climber, 3, 12));

    /// <summary>Waits until the board (GET) has counted the boost too (the climber at 10/19) and shows the climber first.</summary>
    public static Task WaitForBoostAsync(LeaderboardServer server) =>
        WaitForBoardAsync(server, climberRank: 1, (Leader, 6, 12), (Second, 5, 12), (Climber, 10, 19));

    public static string WallPath(string extra = "") => $"/wall?campaign={Campaign}&board={Board}&rotate=0{extra}";

    private static Task WaitForBoardAsync(LeaderboardServer server, int climberRank, params (string Unit, long Paid, long Of)[] payments) =>
        Eventually.TrueAsync(async () =>
        {
            var board = await server.GetAsync<JsonNode>($"/api/v1/campaigns/{Campaign}/boards/{Board}");
            var entries = board["entries"]!.AsArray().ToDictionary(e => (string)e!["unit"]!, e => e!);
            return (int)entries[Climber]["rank"]! == climberRank
                && payments.All(p =>
                    (long)entries[p.Unit]["indicators"]!["online-payment"]!["numerator"]! == p.Paid
                    && (long)entries[p.Unit]["indicators"]!["online-payment"]!["denominator"]! == p.Of);
        }, TimeSpan.FromSeconds(20), $"the board did not settle with the climber at rank {climberRank}");

    private static void AddDossiers(JsonArray events, string run, string unit, string[] procedures, int first, int count, int paidOnline, int day)
    {
        for (var i = first; i < first + count; i++)
        {
            var dossier = string.Create(CultureInfo.InvariantCulture, $"{unit}-2412{day:00}-{run}-{i:0000}");
            var at = string.Create(CultureInfo.InvariantCulture, $"2024-12-{day:00}T{8 + (i % 8):00}:15:00+07:00");
            events.Add(new JsonObject
            {
                ["id"] = $"{dossier}-received",
                ["type"] = "dossier.received",
                ["occurredAt"] = at,
                ["unit"] = unit,
                ["dossier"] = dossier,
                ["procedure"] = procedures[i % procedures.Length],
                ["channel"] = "online",
            });
            events.Add(new JsonObject
            {
                ["id"] = $"{dossier}-paid",
                ["type"] = "payment.completed",
                ["occurredAt"] = at,
                ["unit"] = unit,
                ["dossier"] = dossier,
                ["payment"] = "P1",
                ["amount"] = 50_000,
                ["method"] = i - first < paidOnline ? "online" : "cash",
            });
        }
    }
}
