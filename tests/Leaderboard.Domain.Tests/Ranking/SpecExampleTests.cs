using System.Text.Json;
using Leaderboard.Domain.Counting;
using Leaderboard.Domain.Indicators;
using Leaderboard.Domain.Ranking;
using Leaderboard.Domain.Tests.Support;

namespace Leaderboard.Domain.Tests.Ranking;

/// <summary>The spec's worked examples, end to end at the domain level: ledger, deltas, unit counters, standings, ranks.</summary>
public sealed class SpecExampleTests
{
    [Theory]
    [InlineData("01-rules.json", 10, 2)]
    [InlineData("02-ranking.json", 10, 4)]
    [InlineData("03-as-of.json", 10, 1)]
    public void The_example_board_and_units_come_out_exactly(string file, int boardEntries, int units)
    {
        using var example = SpecExample.Load(file);
        var catalogue = SampleOrg.NewCatalogue();
        var campaign = catalogue.FindCampaign(SampleOrg.CampaignId)!;
        var ledger = new DossierLedger(catalogue);
        var counters = new Dictionary<string, UnitCounters>(StringComparer.Ordinal);
        var events = example.AcceptedEvents(catalogue.TimeZone);
        for (var i = 0; i < events.Count; i++)
        {
            ledger.Apply(events[i]);
            if (i % 3 == 2 || i == events.Count - 1)
            {
                // Deltas taken at uneven moments must add up to the same totals.
                foreach (var (unit, delta) in ledger.TakeDeltas())
                {
                    if (!counters.TryGetValue(unit, out var c))
                    {
                        counters[unit] = c = new UnitCounters();
                    }

                    delta.AddTo(c);
                }
            }
        }

        var to = example.AsOf ?? campaign.End;
        UnitStanding Standing(string unit)
        {
            var c = counters.TryGetValue(unit, out var found) ? found : new UnitCounters();
            Assert.Equal(ledger.ContributionTo(unit).Export(), c.Export());
            return StandingCalculator.Evaluate(campaign, catalogue, unit, c.Count(campaign.Start, to, catalogue.OnlineProceduresOfSubtree(unit)));
        }

        var board = campaign.FindBoard(SampleOrg.BoardId)!;
        var ranked = Ranker.Rank([.. board.Members.Select(Standing)]);

        var expected = example.BoardEntries.EnumerateArray().ToList();
        Assert.Equal(boardEntries, expected.Count);
        Assert.Equal(expected.Count, ranked.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var entry = expected[i];
            var actual = ranked[i];
            Assert.Equal(entry.GetProperty("unit").GetString(), actual.Standing.Unit);
            Assert.Equal(entry.GetProperty("rank").GetInt32(), actual.Rank);
            Assert.Equal(entry.GetProperty("score").GetDecimal(), actual.Standing.Score);
            Assert.Equal(entry.GetProperty("eligible").GetBoolean(), actual.Standing.Eligible);
            Assert.Equal(entry.GetProperty("applicable").GetBoolean(), actual.Standing.Applicable);
            AssertIndicators(entry.GetProperty("indicators"), actual.Standing);
        }

        var expectedUnits = example.Units.EnumerateObject().ToList();
        Assert.Equal(units, expectedUnits.Count);
        foreach (var unit in expectedUnits)
        {
            AssertIndicators(unit.Value, Standing(unit.Name));
        }
    }

    private static void AssertIndicators(JsonElement expected, UnitStanding standing)
    {
        Assert.Equal(expected.EnumerateObject().Select(p => p.Name), standing.Indicators.Keys);
        foreach (var indicator in expected.EnumerateObject())
        {
            var e = indicator.Value;
            var a = standing.Indicators[indicator.Name];
            var where = $"{standing.Unit} {indicator.Name}";
            Assert.True(indicator.Name == a.Id, where);
            Assert.True(e.GetProperty("numerator").GetInt64() == a.Numerator, $"{where} numerator {a.Numerator}");
            Assert.True(e.GetProperty("denominator").GetInt64() == a.Denominator, $"{where} denominator {a.Denominator}");
            Assert.True(Nullable(e.GetProperty("value"), v => v.GetDouble()) == a.Value, $"{where} value {a.Value}");
            Assert.True(e.GetProperty("target").GetDecimal() == a.Target, $"{where} target {a.Target}");
            Assert.True(e.GetProperty("met").GetBoolean() == a.Met, $"{where} met {a.Met}");
            Assert.True(Nullable(e.GetProperty("gap"), v => v.GetInt64()) == a.Gap, $"{where} gap {a.Gap}");
            Assert.True(e.GetProperty("applicable").GetBoolean() == a.Applicable, $"{where} applicable {a.Applicable}");
        }
    }

    private static T? Nullable<T>(JsonElement element, Func<JsonElement, T> read)
        where T : struct =>
        element.ValueKind == JsonValueKind.Null ? null : read(element);
}
