using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Leaderboard.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Leaderboard.Tests.Live;

/// <summary>
/// A real SignalR client holds a board snapshot while events are posted over HTTP: the snapshot with every
/// BoardChanged applied equals a later GET, versions are consecutive, and a unit subscriber sees its changes and
/// the target it crosses.
/// </summary>
public sealed class LiveBoardTests
{
    private const string Campaign = "snn-ls-2024-tttt";
    private const string Board = "don-vi";
    private const string Unit = "000.07.12.H37";

    [Fact]
    public async Task Snapshot_plus_changes_equals_the_board_and_the_unit_hears_its_target()
    {
        await using var server = await LeaderboardServer.StartAsync();
        await using var hub = server.CreateHub();
        var changes = new ConcurrentQueue<JsonElement>();
        var unitChanges = new ConcurrentQueue<JsonElement>();
        var reached = new ConcurrentQueue<JsonElement>();
        hub.On<JsonElement>("BoardChanged", c => changes.Enqueue(c));
        hub.On<JsonElement>("UnitChanged", c => unitChanges.Enqueue(c));
        hub.On<JsonElement>("TargetReached", r => reached.Enqueue(r));
        await hub.StartAsync();

        var snapshot = await hub.InvokeAsync<JsonElement>("SubscribeBoard", Campaign, Board);
        var unit = await hub.InvokeAsync<JsonElement>("SubscribeUnit", Campaign, Unit);
        Assert.False(unit.GetProperty("indicators").GetProperty("online-payment").GetProperty("met").GetBoolean());

        // Ten dossiers paid in cash first (0 % online), then online payments until 45 % is crossed, then other units.
        var batches = new List<List<object>>
        {
            Dossiers(Unit, "cash", 0, 10),
            Dossiers(Unit, "online", 10, 4),
            Dossiers(Unit, "online", 14, 5),
            Dossiers("000.06.12.H37", "online", 0, 12),
            Dossiers("000.10.12.H37", "cash", 0, 11),
            Dossiers("000.04.12.H37", "online", 0, 3),
        };
        foreach (var batch in batches)
        {
            using var response = await server.Client.PostAsJsonAsync(new Uri("/api/v1/events", UriKind.Relative), batch);
            response.EnsureSuccessStatusCode();
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(batch.Count, answer.GetProperty("accepted").GetInt32());
        }

        // Settle: the board stops publishing, and the client has heard the version a GET reports.
        JsonElement board = default;
        await Eventually.TrueAsync(
            async () =>
            {
                board = await server.GetAsync<JsonElement>($"/api/v1/campaigns/{Campaign}/boards/{Board}");
                var heard = changes.Select(c => c.GetProperty("version").GetInt64()).DefaultIfEmpty(snapshot.GetProperty("version").GetInt64()).Max();
                return heard == board.GetProperty("version").GetInt64()
                    && board.GetProperty("entries").EnumerateArray().Any(e => e.GetProperty("unit").GetString() == "000.10.12.H37" && e.GetProperty("eligible").GetBoolean());
            },
            TimeSpan.FromSeconds(10),
            "the hub client did not hear the board's latest version");

        var epoch = snapshot.GetProperty("epoch").GetInt64();
        var version = snapshot.GetProperty("version").GetInt64();
        var rows = snapshot.GetProperty("entries").EnumerateArray().ToDictionary(e => e.GetProperty("unit").GetString()!, e => e.Clone());
        foreach (var change in changes.Where(c => c.GetProperty("version").GetInt64() > snapshot.GetProperty("version").GetInt64()))
        {
            Assert.Equal(epoch, change.GetProperty("epoch").GetInt64());
            Assert.Equal(version + 1, change.GetProperty("version").GetInt64());
            version++;
            foreach (var entry in change.GetProperty("entries").EnumerateArray())
            {
                rows[entry.GetProperty("unit").GetString()!] = entry.Clone();
            }
        }

        Assert.Equal(board.GetProperty("version").GetInt64(), version);
        var expected = board.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(expected.Count, rows.Count);
        foreach (var e in expected)
        {
            var mine = rows[e.GetProperty("unit").GetString()!];
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(e.GetRawText()), JsonNode.Parse(mine.GetRawText())), $"{e.GetRawText()}\n!=\n{mine.GetRawText()}");
        }

        // The unit's subscriber: consecutive versions, the final numbers, and the crossing of the 45 % target.
        await Eventually.TrueAsync(
            () => Task.FromResult(reached.Any(r => r.GetProperty("unit").GetString() == Unit && r.GetProperty("indicator").GetString() == "online-payment")),
            TimeSpan.FromSeconds(10),
            "no TargetReached for online-payment");
        var crossing = reached.First(r => r.GetProperty("unit").GetString() == Unit && r.GetProperty("indicator").GetString() == "online-payment");
        Assert.Equal(0.45m, crossing.GetProperty("target").GetDecimal());
        Assert.True(crossing.GetProperty("value").GetDouble() >= 0.45);
        Assert.Equal(Campaign, crossing.GetProperty("campaign").GetString());

        // TargetReached and the UnitChanged of the same publication are two messages: wait for the unit's last numbers.
        await Eventually.TrueAsync(
            () => Task.FromResult(unitChanges.LastOrDefault() is { ValueKind: JsonValueKind.Object } latest
                && latest.GetProperty("indicators").GetProperty("online-payment").GetProperty("denominator").GetInt64() == 19),
            TimeSpan.FromSeconds(10),
            "the unit's subscriber did not hear its final numbers");
        var versions = unitChanges.Select(u => u.GetProperty("version").GetInt64()).ToList();
        Assert.NotEmpty(versions);
        Assert.Equal(Enumerable.Range((int)versions[0], versions.Count).Select(v => (long)v), versions);
        var last = unitChanges.Last();
        var payment = last.GetProperty("indicators").GetProperty("online-payment");
        Assert.Equal(9, payment.GetProperty("numerator").GetInt64());
        Assert.Equal(19, payment.GetProperty("denominator").GetInt64());
        Assert.True(payment.GetProperty("met").GetBoolean());
        Assert.Equal(0, payment.GetProperty("gap").GetInt64());

        // By now both of the crossing's paths (the unit's publication and the board's) have long arrived: this connection
        // follows both the board and the unit, and heard of the crossing once.
        Assert.Single(reached, r => r.GetProperty("unit").GetString() == Unit && r.GetProperty("indicator").GetString() == "online-payment");
    }

    [Fact]
    public async Task Unknown_board_or_unit_is_a_hub_error()
    {
        await using var server = await LeaderboardServer.StartAsync();
        await using var hub = server.CreateHub();
        await hub.StartAsync();

        var board = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JsonElement>("SubscribeBoard", Campaign, "khong-co"));
        Assert.Contains("khong-co", board.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JsonElement>("SubscribeUnit", Campaign, "000.99.99.H37"));
    }

    private static List<object> Dossiers(string unit, string method, int from, int count)
    {
        var events = new List<object>();
        for (var i = from; i < from + count; i++)
        {
            var dossier = $"{unit}-live-{i:D4}";
            events.Add(new
            {
                id = $"{dossier}-r",
                type = "dossier.received",
                occurredAt = "2024-07-01T08:00:00+07:00",
                unit,
                dossier,
                procedure = unit == Unit ? "9.000101" : ProcedureOf(unit),
                channel = "online",
            });
            events.Add(new
            {
                id = $"{dossier}-p",
                type = "payment.completed",
                occurredAt = "2024-07-01T09:00:00+07:00",
                unit,
                dossier,
                payment = "P1",
                amount = 50_000,
                method,
            });
        }

        return events;
    }

    private static string ProcedureOf(string unit) => unit switch
    {
        "000.06.12.H37" => "9.000202",
        "000.10.12.H37" => "9.000601",
        "000.04.12.H37" => "9.000702",
        _ => throw new ArgumentOutOfRangeException(nameof(unit)),
    };
}
