using Leaderboard.Domain.Catalogue;
using Leaderboard.Domain.Indicators;
using Leaderboard.Domain.Ranking;

namespace Leaderboard.Domain.Tests.Ranking;

public sealed class RankerTests
{
    private static UnitStanding S(string unit, decimal score, bool eligible = true, long paymentDenominator = 10) =>
        new(
            unit,
            score,
            eligible,
            true,
            new Dictionary<string, IndicatorProgress>
            {
                [IndicatorIds.OnlinePayment] = new(IndicatorIds.OnlinePayment, 0, paymentDenominator, 0, 0.45m, false, 1, true),
            },
            eligible ? null : 1);

    private static string Ranks(IReadOnlyList<RankedStanding> ranked) =>
        string.Join(", ", ranked.Select(r => $"{r.Standing.Unit}:{r.Rank}"));

    [Fact]
    public void Ties_share_a_rank_competition_style()
    {
        var ranked = Ranker.Rank([S("c", 0.8m), S("d", 0.7m), S("a", 0.9m), S("b", 0.8m)]);

        Assert.Equal("a:1, b:2, c:2, d:4", Ranks(ranked));
    }

    [Fact]
    public void Ineligible_units_come_after_every_eligible_unit_and_rank_among_themselves()
    {
        var ranked = Ranker.Rank(
        [
            S("e1", 0.5m), S("x1", 1.2m, eligible: false), S("e2", 0.4m), S("x2", 0.3m, eligible: false),
            S("x3", 0.3m, eligible: false), S("e3", 0.4m), S("x4", 0m, eligible: false),
        ]);

        // Ineligible rank = 3 eligible + 1 + ineligible with a strictly higher score.
        Assert.Equal("e1:1, e2:2, e3:2, x1:4, x2:5, x3:5, x4:7", Ranks(ranked));
    }

    [Fact]
    public void Tied_units_show_the_larger_payment_denominator_first_then_codes_in_ordinal_order()
    {
        var ranked = Ranker.Rank(
        [
            S("000.9.12", 0.6m, paymentDenominator: 20), S("000.10.12", 0.6m, paymentDenominator: 20),
            S("b", 0.6m, paymentDenominator: 30), S("B", 0.6m, paymentDenominator: 20), S("a", 0.600000m, paymentDenominator: 5),
        ]);

        Assert.Equal("b:1, 000.10.12:1, 000.9.12:1, B:1, a:1", Ranks(ranked));
    }

    [Fact]
    public void Scores_with_more_than_six_decimals_or_huge_denominators_rank_the_same_way()
    {
        var ranked = Ranker.Rank(
        [
            S("c", 0.1234567m), S("a", 0.1234566m), S("d", 0.1234567m, paymentDenominator: 3_000_000_000),
            S("b", 0.1234567m), S("x", 0.9m, eligible: false),
        ]);

        Assert.Equal("d:1, b:1, c:1, a:4, x:5", Ranks(ranked));
    }

    [Fact]
    public void Nothing_to_rank_gives_nothing()
    {
        Assert.Empty(Ranker.Rank([]));
    }

    [Fact]
    public void Ranks_agree_with_the_definition_on_a_random_board()
    {
        var random = new Random(20240606);
        var standings = Enumerable.Range(0, 400)
            .Select(i => S($"u{i:D4}", random.Next(0, 12) / 10m, random.Next(3) > 0, random.Next(0, 4)))
            .ToList();

        var ranked = Ranker.Rank(standings);

        var eligibleCount = standings.Count(s => s.Eligible);
        foreach (var r in ranked)
        {
            var s = r.Standing;
            var expected = s.Eligible
                ? 1 + standings.Count(o => o.Eligible && o.Score > s.Score)
                : eligibleCount + 1 + standings.Count(o => !o.Eligible && o.Score > s.Score);
            Assert.Equal(expected, r.Rank);
        }

        Assert.Equal(standings.Count, ranked.Select(r => r.Standing.Unit).Distinct().Count());
        Assert.All(ranked.Take(eligibleCount), r => Assert.True(r.Standing.Eligible));
    }

    [Fact]
    public void One_ranker_re_ranks_boards_that_grow_and_shrink_as_a_fresh_one_would()
    {
        var random = new Random(20241231);
        var ranker = new Ranker();
        foreach (var size in new[] { 400, 3, 0, 1_000, 7, 1_000 })
        {
            var standings = Enumerable.Range(0, size)
                .Select(i => S($"u{random.Next(0, 5_000):D4}-{i}", random.Next(0, 12) / 10m, random.Next(3) > 0, random.Next(0, 4)))
                .ToList();

            var again = ranker.Rerank(standings).ToArray();

            Assert.Equal(Ranks(Ranker.Rank(standings)), Ranks(again));
            Assert.Equal(size, again.Length);
        }
    }

    [Fact]
    public void A_standing_copied_with_other_indicators_breaks_ties_by_its_new_payment_denominator()
    {
        var small = S("a", 0.5m, paymentDenominator: 5);
        var grown = small with { Indicators = S("a", 0.5m, paymentDenominator: 50).Indicators };

        var ranked = Ranker.Rank([S("b", 0.5m, paymentDenominator: 20), grown]);

        Assert.Equal("a:1, b:1", Ranks(ranked));
    }
}
