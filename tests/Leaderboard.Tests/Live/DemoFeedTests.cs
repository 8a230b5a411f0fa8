using System.Globalization;
using System.Text.Json;
using Leaderboard.Tests.Infrastructure;

namespace Leaderboard.Tests.Live;

/// <summary>
/// The demo feed plays the 2024 campaign in accelerated time, and the numbers' "today" follows the day it plays: the
/// campaign answer names that day and counts the days left from it, and the board shows movement since the end of
/// the day before (with the real date, long after the campaign's end, nothing would ever move).
/// </summary>
public sealed class DemoFeedTests
{
    private const string Campaign = "snn-ls-2024-tttt";

    [Fact]
    public async Task The_played_day_moves_through_the_campaign_and_ranks_move_from_one_day_to_the_next()
    {
        await using var server = await LeaderboardServer.StartAsync(new Dictionary<string, string>
        {
            ["Leaderboard:Demo:Enabled"] = "true",
            ["Leaderboard:Demo:SecondsPerDay"] = "0.5",
        });

        var first = PlayedDay(await Eventually.MatchesAsync(
            () => server.GetAsync<JsonElement>($"/api/v1/campaigns/{Campaign}"),
            c => c.TryGetProperty("playedDay", out _),
            TimeSpan.FromSeconds(30),
            "the demo did not start playing"));
        var later = await Eventually.MatchesAsync(
            () => server.GetAsync<JsonElement>($"/api/v1/campaigns/{Campaign}"),
            c => PlayedDay(c) >= first.AddDays(3),
            TimeSpan.FromSeconds(30),
            "the played day did not move");

        var day = PlayedDay(later);
        Assert.InRange(day, new DateOnly(2024, 6, 6), new DateOnly(2024, 12, 31));
        Assert.Equal(new DateOnly(2024, 12, 31).DayNumber - day.DayNumber + 1, later.GetProperty("daysLeft").GetInt32());

        await Eventually.MatchesAsync(
            () => server.GetAsync<JsonElement>($"/api/v1/campaigns/{Campaign}/boards/don-vi"),
            b => b.GetProperty("entries").EnumerateArray().Any(e => e.GetProperty("previousRank").GetInt32() != e.GetProperty("rank").GetInt32()),
            TimeSpan.FromSeconds(60),
            "no rank moved from one played day to the next");
    }

    [Fact]
    public async Task Units_reach_the_online_payment_target_at_different_times_all_through_the_campaign()
    {
        // The whole campaign in about ten seconds.
        await using var server = await LeaderboardServer.StartAsync(new Dictionary<string, string>
        {
            ["Leaderboard:Demo:Enabled"] = "true",
            ["Leaderboard:Demo:SecondsPerDay"] = "0.05",
        });
        // Played through: "today" is then the day after the last, and the campaign says it has ended.
        var ended = await Eventually.MatchesAsync(
            () => server.GetAsync<JsonElement>($"/api/v1/campaigns/{Campaign}"),
            c => c.TryGetProperty("playedDay", out var day) && day.GetString() == "2025-01-01",
            TimeSpan.FromSeconds(60),
            "the demo did not play the campaign to its end");
        Assert.Equal(0, ended.GetProperty("daysLeft").GetInt32());

        // The last day's figures are in once a GET (a second after their acknowledgement) shows them.
        var end = await Eventually.MatchesAsync(
            () => MeetingPaymentTargetAsync(server, "2024-12-31"),
            met => met.Count >= 3,
            TimeSpan.FromSeconds(20),
            "fewer than three units met the online-payment target by the end");
        var june = await MeetingPaymentTargetAsync(server, "2024-06-30");
        var september = await MeetingPaymentTargetAsync(server, "2024-09-30");

        // Not all at once at the start (where the demo used to leave them) and not only at the start: some units
        // cross after the summer, so the wall celebrates all through the campaign.
        Assert.True(june.Count < end.Count, $"by 30/06 {june.Count} units, by 31/12 {end.Count}");
        Assert.True(end.Except(september).Any(), $"no unit reached the target after 30/09 (by then: {string.Join(", ", september)})");
    }

    private static async Task<HashSet<string>> MeetingPaymentTargetAsync(LeaderboardServer server, string asOf)
    {
        var board = await server.GetAsync<JsonElement>($"/api/v1/campaigns/{Campaign}/boards/don-vi?asOf={asOf}");
        return board.GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("indicators").GetProperty("online-payment").GetProperty("met").GetBoolean())
            .Select(e => e.GetProperty("unit").GetString()!)
            .ToHashSet();
    }

    private static DateOnly PlayedDay(JsonElement campaign) =>
        DateOnly.ParseExact(campaign.GetProperty("playedDay").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
