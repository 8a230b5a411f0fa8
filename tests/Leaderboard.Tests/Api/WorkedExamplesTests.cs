using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Leaderboard.Tests.Infrastructure;

namespace Leaderboard.Tests.Api;

/// <summary>The spec's worked examples, posted to a real node over HTTP, give exactly the expected verdicts and board.</summary>
public sealed class WorkedExamplesTests
{
    [Theory]
    [MemberData(nameof(Examples))]
    public async Task One_batch_gives_the_expected_verdicts_board_and_units(string file)
    {
        var example = SpecExample.Load(file);
        await using var server = await LeaderboardServer.StartAsync();

        var answer = await PostAsync(server, example.Events);

        AssertVerdicts(example.Verdicts, answer, firstIndex: 0);
        await AssertBoardAndUnitsAsync(server, example);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task One_event_per_request_gives_the_same_verdicts_and_board(string file)
    {
        var example = SpecExample.Load(file);
        await using var server = await LeaderboardServer.StartAsync();

        for (var i = 0; i < example.Events.Count; i++)
        {
            var answer = await PostAsync(server, [example.Events[i]]);
            AssertVerdicts([example.Verdicts[i]], answer, firstIndex: 0);
        }

        await AssertBoardAndUnitsAsync(server, example);
    }

    [Fact]
    public async Task The_same_stream_as_ndjson_gives_the_same_answer()
    {
        var example = SpecExample.Load("01-rules.json");
        await using var server = await LeaderboardServer.StartAsync();
        var ndjson = string.Join("\n", example.Events.Select(e => e.GetRawText().ReplaceLineEndings(" "))) + "\n";

        using var content = new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson");
        using var response = await server.Client.PostAsync(new Uri("/api/v1/events", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        AssertVerdicts(example.Verdicts, answer.RootElement, firstIndex: 0);
        await AssertBoardAndUnitsAsync(server, example);
    }

    public static TheoryData<string> Examples() => SpecExample.All();

    internal static async Task<JsonElement> PostAsync(LeaderboardServer server, IReadOnlyList<JsonElement> events)
    {
        using var response = await server.Client.PostAsJsonAsync(new Uri("/api/v1/events", UriKind.Relative), events);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    internal static void AssertVerdicts(IReadOnlyList<JsonElement> verdicts, JsonElement answer, int firstIndex)
    {
        Assert.Equal(verdicts.Count(v => v.GetProperty("verdict").GetString() == "accepted"), answer.GetProperty("accepted").GetInt32());
        Assert.Equal(verdicts.Count(v => v.GetProperty("verdict").GetString() == "duplicate"), answer.GetProperty("duplicates").GetInt32());
        var expected = verdicts
            .Select((v, i) => (v, i))
            .Where(x => x.v.GetProperty("verdict").GetString() == "rejected")
            .Select(x => (Index: x.i + firstIndex, Field: x.v.GetProperty("field").GetString()))
            .ToList();
        var actual = answer.GetProperty("rejected").EnumerateArray()
            .Select(r => (Index: r.GetProperty("index").GetInt32(), Field: r.GetProperty("field").GetString()))
            .ToList();
        Assert.Equal(expected, actual);
    }

    internal static async Task AssertBoardAndUnitsAsync(LeaderboardServer server, SpecExample example)
    {
        var asOf = example.AsOf is { } d ? $"?asOf={d}" : "";
        var expected = example.Root.GetProperty("boardEntries");
        var board = await Eventually.MatchesAsync(
            () => server.GetAsync<JsonElement>($"/api/v1/campaigns/{example.Campaign}/boards/{example.Board}{asOf}"),
            b => JsonAssert.Differences(expected, b.GetProperty("entries")).Count == 0,
            TimeSpan.FromSeconds(15),
            "the board did not reach the expected ranking").ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : default, TaskScheduler.Default);
        if (board.ValueKind == JsonValueKind.Undefined)
        {
            board = await server.GetAsync<JsonElement>($"/api/v1/campaigns/{example.Campaign}/boards/{example.Board}{asOf}");
        }

        JsonAssert.Subset(expected, board.GetProperty("entries"), "entries");
        Assert.Equal(example.Campaign, board.GetProperty("campaign").GetString());
        Assert.Equal(example.Board, board.GetProperty("board").GetString());

        foreach (var unit in example.Root.GetProperty("units").EnumerateObject())
        {
            var progress = await server.GetAsync<JsonElement>($"/api/v1/campaigns/{example.Campaign}/units/{unit.Name}{asOf}");
            JsonAssert.Subset(unit.Value, progress.GetProperty("indicators"), $"units[{unit.Name}]");
        }
    }
}
