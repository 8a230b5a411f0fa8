using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Leaderboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Leaderboard.Tests.Boards;

/// <summary>
/// "Today's movement" (domain.md): the change of rank since the end of the previous day. A node whose clock reads
/// 10/07/2024 noon gets yesterday's and this morning's events after its boards loaded; every entry's
/// <c>previousRank</c> must be its rank as of 09/07 (what <c>?asOf=2024-07-09</c> answers), not its rank when the board
/// loaded (an empty store: every unit tied first).
/// </summary>
public sealed class TodaysMovementTests
{
    private const string Campaign = "snn-ls-2024-tttt";
    private const string Board = "don-vi";

    /// <summary>Chi cục Chăn nuôi và Thú y, with a fee-bearing procedure of full level.</summary>
    private const string Leader = "000.07.12.H37";

    /// <summary>Chi cục Trồng trọt và Bảo vệ thực vật, the same.</summary>
    private const string Climber = "000.06.12.H37";

    [Fact]
    public async Task Previous_ranks_are_the_ranks_at_the_end_of_yesterday()
    {
        var noon = new DateTimeOffset(2024, 7, 10, 12, 0, 0, TimeSpan.FromHours(7));
        await using var server = await LeaderboardServer.StartAsync(configure: b => b.Services.AddSingleton<TimeProvider>(new ShiftedTimeProvider(noon)));

        // Yesterday the leader received and was paid online, the climber at the desk and in cash; this morning the
        // other way round, and by more.
        await PostAsync(server, [
            .. Dossiers(Leader, "9.000101", "2024-07-09T09:00:00+07:00", online: true, 0, 12),
            .. Dossiers(Climber, "9.000202", "2024-07-09T09:00:00+07:00", online: false, 0, 12)]);
        await PostAsync(server, [
            .. Dossiers(Leader, "9.000101", "2024-07-10T08:00:00+07:00", online: false, 12, 40),
            .. Dossiers(Climber, "9.000202", "2024-07-10T08:00:00+07:00", online: true, 12, 40)]);

        // Settled once both units count all their dossiers and the board's previous ranks agree with ?asOf= (the
        // units tell the board of yesterday's standings as they publish, so it may lag a GET by a publication).
        var (board, yesterday) = await Eventually.MatchesAsync(
            async () => (
                await server.GetAsync<JsonElement>($"/api/v1/campaigns/{Campaign}/boards/{Board}"),
                await server.GetAsync<JsonElement>($"/api/v1/campaigns/{Campaign}/boards/{Board}?asOf=2024-07-09")),
            pair => Payments(pair.Item1, Leader) == 52 && Payments(pair.Item1, Climber) == 52
                && Payments(pair.Item2, Leader) == 12 && Payments(pair.Item2, Climber) == 12
                && pair.Item1.GetProperty("entries").EnumerateArray().All(e => PreviousRank(pair.Item1, Unit(e)) == Rank(pair.Item2, Unit(e))),
            TimeSpan.FromSeconds(30),
            "the board's previous ranks did not reach the ranks as of 09/07");

        Assert.True(Rank(yesterday, Leader) < Rank(yesterday, Climber));
        Assert.True(Rank(board, Climber) < Rank(board, Leader));
        Assert.True(PreviousRank(board, Leader) < PreviousRank(board, Climber));
    }

    private static async Task PostAsync(LeaderboardServer server, List<JsonObject> events)
    {
        using var response = await server.Client.PostAsJsonAsync(new Uri("/api/v1/events", UriKind.Relative), events);
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(events.Count, answer.GetProperty("accepted").GetInt32());
    }

    /// <summary>A receipt and a payment for each dossier: online and paid online, or at the desk and paid in cash.</summary>
    private static IEnumerable<JsonObject> Dossiers(string unit, string procedure, string at, bool online, int from, int count)
    {
        for (var i = from; i < from + count; i++)
        {
            var dossier = $"{unit}-MOVE-{i.ToString("D3", CultureInfo.InvariantCulture)}";
            yield return new JsonObject
            {
                ["id"] = $"r-{dossier}",
                ["type"] = "dossier.received",
                ["occurredAt"] = at,
                ["unit"] = unit,
                ["dossier"] = dossier,
                ["procedure"] = procedure,
                ["channel"] = online ? "online" : "direct",
            };
            yield return new JsonObject
            {
                ["id"] = $"p-{dossier}",
                ["type"] = "payment.completed",
                ["occurredAt"] = at,
                ["unit"] = unit,
                ["dossier"] = dossier,
                ["payment"] = "P1",
                ["amount"] = 100_000,
                ["method"] = online ? "online" : "cash",
            };
        }
    }

    private static string Unit(JsonElement entry) => entry.GetProperty("unit").GetString()!;

    private static int Payments(JsonElement board, string unit) =>
        Entry(board, unit).GetProperty("indicators").GetProperty("online-payment").GetProperty("denominator").GetInt32();

    private static JsonElement Entry(JsonElement board, string unit) =>
        board.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("unit").GetString() == unit);

    private static int Rank(JsonElement board, string unit) => Entry(board, unit).GetProperty("rank").GetInt32();

    private static int PreviousRank(JsonElement board, string unit) => Entry(board, unit).GetProperty("previousRank").GetInt32();
}
