using Leaderboard.Domain.Catalogue;
using Leaderboard.Domain.Counting;
using Leaderboard.Domain.Indicators;
using Leaderboard.Domain.Tests.Support;

namespace Leaderboard.Domain.Tests.Indicators;

public sealed class StandingCalculatorTests
{
    private static WindowCounts W(long un, long ud, long pn, long pd, long dn, long dd, long on, long od) =>
        new(new(un, ud), new(pn, pd), new(dn, dd), new(on, od));

    private static UnitStanding Evaluate(string unit, WindowCounts counts, Campaign? campaign = null)
    {
        campaign ??= SampleOrg.NewCampaign();
        return StandingCalculator.Evaluate(campaign, SampleOrg.NewCatalogue(campaign), unit, counts);
    }

    private static Campaign OnlyWeighted(string indicator, decimal target, RankingMode mode = RankingMode.Raw, int minVolume = 10) =>
        SampleOrg.NewCampaign(
            mode,
            minVolume,
            [.. IndicatorIds.All.Select(id => new CampaignIndicator(id, id == indicator ? target : IndicatorIds.DefaultTarget(id), id == indicator ? 1m : 0m))]);

    [Fact]
    public void Nine_of_twenty_meets_45_percent_with_no_gap()
    {
        var p = Evaluate(SampleOrg.Plants, W(1, 4, 9, 20, 9, 20, 0, 0)).Indicators[IndicatorIds.OnlinePayment];

        Assert.Equal(new IndicatorProgress(IndicatorIds.OnlinePayment, 9, 20, 0.45, 0.45m, true, 0, true), p);
    }

    [Fact]
    public void Eight_of_twenty_at_45_percent_needs_two_more_online_payments()
    {
        var p = Evaluate(SampleOrg.Plants, W(1, 4, 8, 20, 8, 20, 0, 0)).Indicators[IndicatorIds.OnlinePayment];

        // ceil((0.45·20 − 8) / 0.55) = ceil(1.81…) = 2; check: 10/22 ≥ 0.45 > 9/21.
        Assert.Equal(new IndicatorProgress(IndicatorIds.OnlinePayment, 8, 20, 0.4, 0.45m, false, 2, true), p);
    }

    [Fact]
    public void Dossier_gaps_follow_the_formula_and_values_are_plain_double_division()
    {
        var s = Evaluate(SampleOrg.Veterinary, W(2, 4, 1, 2, 2, 3, 1, 1));

        Assert.Equal(new IndicatorProgress(IndicatorIds.OnlineDossier, 2, 3, 0.6666666666666666, 0.9m, false, 7, true), s.Indicators[IndicatorIds.OnlineDossier]);
        Assert.Equal(new IndicatorProgress(IndicatorIds.OnTime, 1, 1, 1.0, 0.95m, true, 0, true), s.Indicators[IndicatorIds.OnTime]);
        Assert.Equal(100, Evaluate(SampleOrg.Quality, W(1, 2, 8, 20, 8, 20, 0, 0)).Indicators[IndicatorIds.OnlineDossier].Gap);
    }

    [Fact]
    public void A_target_of_one_has_no_gap_once_a_dossier_failed()
    {
        var campaign = SampleOrg.NewCampaign(overrides: [new TargetOverride(SampleOrg.Plants, IndicatorIds.OnTime, 1m)]);

        var failed = Evaluate(SampleOrg.Plants, W(0, 4, 0, 0, 0, 0, 19, 20), campaign).Indicators[IndicatorIds.OnTime];
        var perfect = Evaluate(SampleOrg.Plants, W(0, 4, 0, 0, 0, 0, 20, 20), campaign).Indicators[IndicatorIds.OnTime];
        var empty = Evaluate(SampleOrg.Plants, W(0, 4, 0, 0, 0, 0, 0, 0), campaign).Indicators[IndicatorIds.OnTime];

        Assert.Equal(new IndicatorProgress(IndicatorIds.OnTime, 19, 20, 0.95, 1m, false, null, true), failed);
        Assert.Equal(new IndicatorProgress(IndicatorIds.OnTime, 20, 20, 1.0, 1m, true, 0, true), perfect);
        Assert.Equal(new IndicatorProgress(IndicatorIds.OnTime, 0, 0, null, 1m, false, 1, true), empty);
        // The override is per unit: another unit keeps the campaign's 95 %.
        Assert.Equal(0.95m, Evaluate(SampleOrg.Quality, W(0, 2, 0, 0, 0, 0, 19, 20), campaign).Indicators[IndicatorIds.OnTime].Target);
        Assert.True(Evaluate(SampleOrg.Quality, W(0, 2, 0, 0, 0, 0, 19, 20), campaign).Indicators[IndicatorIds.OnTime].Met);
    }

    [Fact]
    public void Without_a_denominator_nothing_is_met_and_the_gap_is_one_dossier_or_none_for_usage()
    {
        var office = Evaluate(SampleOrg.Office, W(0, 0, 0, 0, 0, 0, 0, 0));

        Assert.Equal(new IndicatorProgress(IndicatorIds.OnlineServiceUsage, 0, 0, null, 0.9m, false, null, false), office.Indicators[IndicatorIds.OnlineServiceUsage]);
        Assert.Equal(new IndicatorProgress(IndicatorIds.OnlinePayment, 0, 0, null, 0.45m, false, null, false), office.Indicators[IndicatorIds.OnlinePayment]);
        Assert.Equal(new IndicatorProgress(IndicatorIds.OnlineDossier, 0, 0, null, 0.9m, false, 1, true), office.Indicators[IndicatorIds.OnlineDossier]);
        // A unit with fee procedures and no payment yet: applicable, gap 1.
        Assert.Equal(new IndicatorProgress(IndicatorIds.OnlinePayment, 0, 0, null, 0.45m, false, 1, true), Evaluate(SampleOrg.Quality, W(0, 2, 0, 0, 0, 0, 0, 0)).Indicators[IndicatorIds.OnlinePayment]);
    }

    [Fact]
    public void Usage_gap_is_the_number_of_procedures_still_to_use()
    {
        Assert.Equal(3, Evaluate(SampleOrg.Veterinary, W(1, 4, 0, 0, 0, 0, 0, 0)).Indicators[IndicatorIds.OnlineServiceUsage].Gap);
        Assert.Equal(14, Evaluate(SampleOrg.Department, W(2, 17, 0, 0, 0, 0, 0, 0)).Indicators[IndicatorIds.OnlineServiceUsage].Gap);
        Assert.Equal(0, Evaluate(SampleOrg.Veterinary, W(4, 4, 0, 0, 0, 0, 0, 0)).Indicators[IndicatorIds.OnlineServiceUsage].Gap);
    }

    [Fact]
    public void Online_payment_applies_without_fee_procedures_once_a_payment_counts()
    {
        // Forestry's procedures carry no fee.
        var none = Evaluate(SampleOrg.Forestry, W(1, 2, 0, 0, 1, 1, 0, 0));
        var paid = Evaluate(SampleOrg.Forestry, W(1, 2, 1, 1, 1, 1, 0, 0));

        Assert.False(none.Indicators[IndicatorIds.OnlinePayment].Applicable);
        Assert.Equal(0.555556m, none.Score);
        Assert.True(paid.Indicators[IndicatorIds.OnlinePayment].Applicable);
        // (0.5/0.9 + min(1/0.45, 1.2)) / 2 = 0.877777…
        Assert.Equal(0.877778m, paid.Score);
    }

    [Fact]
    public void Score_caps_each_ratio_and_an_applicable_indicator_without_value_adds_zero()
    {
        Assert.Equal(0.877778m, Evaluate(SampleOrg.Irrigation, W(1, 2, 6, 6, 6, 6, 0, 0)).Score);
        // Payment applies (fee procedures) but has no denominator: 0.5 × (0.5 / 0.9) ÷ 1.
        Assert.Equal(0.277778m, Evaluate(SampleOrg.Irrigation, W(1, 2, 0, 0, 6, 6, 0, 0)).Score);
        // Usage 1/0.9 stays under the cap, payment 1/0.45 is capped: (1.111… + 1.2) / 2.
        Assert.Equal(1.155556m, Evaluate(SampleOrg.Irrigation, W(2, 2, 20, 20, 20, 20, 0, 0)).Score);
    }

    [Fact]
    public void Scores_round_half_up_at_six_decimals_exactly()
    {
        var campaign = OnlyWeighted(IndicatorIds.OnlineDossier, 1m);

        // 0.1234565 exactly: half up gives …457 where banker's rounding would give …456.
        Assert.Equal(0.123457m, Evaluate(SampleOrg.Plants, W(0, 4, 0, 0, 1_234_565, 10_000_000, 0, 0), campaign).Score);
        Assert.Equal(0.123456m, Evaluate(SampleOrg.Plants, W(0, 4, 0, 0, 12_345_649, 100_000_000, 0, 0), campaign).Score);
        Assert.Equal(0.666667m, Evaluate(SampleOrg.Plants, W(0, 4, 0, 0, 2, 3, 0, 0), campaign).Score);
        Assert.Equal(0.333333m, Evaluate(SampleOrg.Plants, W(0, 4, 0, 0, 1, 3, 0, 0), campaign).Score);
        // 0.45 / 0.9 is exactly one half: no binary floating point drift below it.
        Assert.Equal(0.5m, Evaluate(SampleOrg.Plants, W(0, 4, 0, 0, 9, 20, 0, 0), OnlyWeighted(IndicatorIds.OnlineDossier, 0.9m)).Score);
    }

    [Fact]
    public void Eligibility_needs_the_minimum_volume_of_received_dossiers_and_of_each_weighted_dossier_indicator()
    {
        var eligible = Evaluate(SampleOrg.Plants, W(1, 4, 9, 20, 9, 20, 0, 0));
        var fewReceived = Evaluate(SampleOrg.Plants, W(1, 4, 9, 20, 9, 9, 0, 0));
        var fewPayments = Evaluate(SampleOrg.Plants, W(1, 4, 3, 6, 9, 20, 0, 0));
        var both = Evaluate(SampleOrg.Plants, W(1, 4, 3, 4, 3, 3, 0, 0));

        Assert.True(eligible.Eligible);
        Assert.Null(eligible.EligibilityGap);
        Assert.False(fewReceived.Eligible);
        Assert.Equal(1, fewReceived.EligibilityGap);
        Assert.False(fewPayments.Eligible);
        Assert.Equal(4, fewPayments.EligibilityGap);
        Assert.Equal(7, both.EligibilityGap);
        Assert.True(both.Applicable);
    }

    [Fact]
    public void Unweighted_and_inapplicable_indicators_do_not_block_eligibility()
    {
        // On-time has weight 0; payment does not apply to Forestry; usage counts procedures, not dossiers.
        var forestry = Evaluate(SampleOrg.Forestry, W(1, 2, 0, 0, 10, 10, 0, 0));

        Assert.True(forestry.Eligible);
        Assert.Null(forestry.EligibilityGap);
    }

    [Fact]
    public void A_unit_to_which_no_weighted_indicator_applies_scores_zero_and_is_not_applicable()
    {
        var office = Evaluate(SampleOrg.Office, W(0, 0, 0, 0, 12, 12, 0, 0));

        Assert.Equal(0m, office.Score);
        Assert.False(office.Applicable);
        Assert.False(office.Eligible);
        Assert.Null(office.EligibilityGap);
    }

    [Fact]
    public void Every_indicator_is_reported_in_the_fixed_order_even_when_the_campaign_leaves_some_out()
    {
        var campaign = SampleOrg.NewCampaign(indicators: [new CampaignIndicator(IndicatorIds.OnTime, 0.8m, 1m)]);

        var s = Evaluate(SampleOrg.Plants, W(1, 4, 9, 20, 9, 20, 8, 10), campaign);

        Assert.Equal(IndicatorIds.All, s.Indicators.Keys);
        Assert.Equal(0.45m, s.Indicators[IndicatorIds.OnlinePayment].Target);
        Assert.True(s.Indicators[IndicatorIds.OnTime].Met);
        Assert.Equal(1m, s.Score);
        Assert.True(s.Eligible);
    }

    [Fact]
    public void Wilson_mode_puts_450_of_500_above_3_of_3()
    {
        var wilson = OnlyWeighted(IndicatorIds.OnlinePayment, 0.9m, RankingMode.Wilson, minVolume: 1);
        var raw = OnlyWeighted(IndicatorIds.OnlinePayment, 0.9m, RankingMode.Raw, minVolume: 1);
        var large = W(0, 4, 450, 500, 500, 500, 0, 0);
        var small = W(0, 4, 3, 3, 3, 3, 0, 0);

        Assert.Equal(1m, Evaluate(SampleOrg.Plants, large, raw).Score);
        Assert.Equal(1.111111m, Evaluate(SampleOrg.Plants, small, raw).Score);
        Assert.Equal(0.967308m, Evaluate(SampleOrg.Plants, large, wilson).Score);
        Assert.Equal(0.487215m, Evaluate(SampleOrg.Plants, small, wilson).Score);
        // The displayed value stays the raw rate.
        Assert.Equal(0.9, Evaluate(SampleOrg.Plants, large, wilson).Indicators[IndicatorIds.OnlinePayment].Value);
        Assert.Equal(0.0, StandingCalculator.WilsonLowerBound(0, 0));
    }
}
