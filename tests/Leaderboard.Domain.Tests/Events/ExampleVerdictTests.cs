using System.Text;
using System.Text.Json;
using Leaderboard.Domain.Events;
using Microsoft.Extensions.Time.Testing;

namespace Leaderboard.Domain.Tests.Events;

/// <summary>The parser's share of the spec examples' verdicts; duplicates and id conflicts need the journal.</summary>
public sealed class ExampleVerdictTests
{
    private readonly EventParser _parser = new(EventSamples.Catalogue, new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)));

    public static TheoryData<string> Files() => ["01-rules.json", "02-ranking.json", "03-as-of.json"];

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_event_is_accepted_or_rejected_with_the_field_given(string file)
    {
        using var example = Load(file);
        var events = example.RootElement.GetProperty("events");
        var verdicts = example.RootElement.GetProperty("verdicts");
        Assert.Equal(events.GetArrayLength(), verdicts.GetArrayLength());

        var index = 0;
        foreach (var (ev, verdict) in events.EnumerateArray().Zip(verdicts.EnumerateArray()))
        {
            var outcome = _parser.Parse(ev);
            var expected = verdict.GetProperty("verdict").GetString();
            var field = verdict.TryGetProperty("field", out var f) ? f.GetString() : null;
            if (expected == "rejected" && field != "id")
            {
                Assert.False(outcome.IsAccepted, $"{file} event {index} should be rejected");
                Assert.Equal(field, outcome.Rejection!.Field);
                Assert.Equal(ev.GetProperty("id").GetString(), outcome.Rejection.Id);
            }
            else
            {
                Assert.True(outcome.IsAccepted, $"{file} event {index}: {outcome.Rejection}");
                Assert.Equal(Encoding.UTF8.GetBytes(ev.GetRawText()), outcome.Event!.Content);
            }

            index++;
        }
    }

    [Fact]
    public void The_channel_verdict_of_the_rules_example()
    {
        using var example = Load("01-rules.json");
        var outcome = _parser.Parse(example.RootElement.GetProperty("events")[14]);
        Assert.Equal(new EventRejection("ex-13", "channel", "giá trị không hợp lệ: phải là online, direct hoặc postal"), outcome.Rejection);
    }

    [Fact]
    public void Id_reuse_is_told_apart_by_the_content_hash()
    {
        using var example = Load("01-rules.json");
        var events = example.RootElement.GetProperty("events");
        var first = _parser.Parse(events[1]).Event!;
        var repeated = _parser.Parse(events[2]).Event!;
        var conflicting = _parser.Parse(events[3]).Event!;

        Assert.Equal("ex-2", first.Event.Id);
        Assert.Equal("ex-2", conflicting.Event.Id);
        Assert.Equal(first.ContentHash, repeated.ContentHash);
        Assert.NotEqual(first.ContentHash, conflicting.ContentHash);
        Assert.Equal(EventParser.CanonicalHash(events[1]), first.ContentHash);
    }

    [Fact]
    public void The_first_day_boundary_instants()
    {
        using var example = Load("01-rules.json");
        var events = example.RootElement.GetProperty("events");
        var before = _parser.Parse(events[10]).Event!.Event;
        var first = _parser.Parse(events[11]).Event!.Event;

        Assert.Equal(new DateTimeOffset(2024, 6, 5, 16, 59, 59, TimeSpan.Zero), before.OccurredAt);
        Assert.Equal(new DateTimeOffset(2024, 6, 6, 0, 0, 0, TimeSpan.FromHours(7)), first.OccurredAt);
        Assert.Equal(new DateOnly(2024, 6, 15), _parser.Parse(events[0]).Event!.Event.DueDate);
    }

    private static JsonDocument Load(string file) =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Examples", file)));
}
