using System.Numerics;
using Leaderboard.Domain.Catalogue;
using Leaderboard.Domain.Counting;

namespace Leaderboard.Domain.Indicators;

/// <summary>
/// Turns a unit's window counts into its standing: values, targets, gaps, score and eligibility (domain.md).
/// Met, gaps and the raw score are exact (rationals over <see cref="BigInteger"/>); in Wilson mode each rate's
/// lower bound is computed in double, then carried exactly through the rest of the score.
/// </summary>
public static class StandingCalculator
{
    private const int ScoreDecimals = 6;
    private const double WilsonZ = 1.96;

    public static UnitStanding Evaluate(Campaign campaign, Catalogue.Catalogue catalogue, string unit, WindowCounts counts)
    {
        var indicators = new Dictionary<string, IndicatorProgress>(IndicatorIds.All.Count, StringComparer.Ordinal);
        var weighted = Fraction.Zero;
        var weights = Fraction.Zero;
        var anyApplicable = false;
        var cap = Fraction.FromDecimal(campaign.ScoreCap);
        var minVolume = campaign.MinVolume;
        var eligible = counts.OnlineDossier.Denominator >= minVolume;
        long shortest = Math.Max(0, minVolume - counts.OnlineDossier.Denominator);

        var ids = IndicatorIds.All;
        for (var k = 0; k < ids.Count; k++)
        {
            var id = ids[k];
            var definition = campaign.Indicator(id);
            var c = counts.Get(id);
            var target = campaign.TargetFor(unit, id);
            var applicable = id switch
            {
                IndicatorIds.OnlinePayment => catalogue.SubtreeHasFeeProcedure(unit) || c.Denominator > 0,
                IndicatorIds.OnlineServiceUsage => c.Denominator > 0,
                _ => true,
            };
            indicators.Add(id, Progress(id, c, target, applicable));

            if (definition.Weight <= 0m || !applicable)
            {
                continue;
            }

            anyApplicable = true;
            var weight = Fraction.FromDecimal(definition.Weight);
            weights += weight;
            if (c.Denominator > 0)
            {
                var rate = campaign.RankingMode == RankingMode.Wilson
                    ? Fraction.FromDecimal((decimal)WilsonLowerBound(c.Numerator, c.Denominator))
                    : Fraction.Of(c.Numerator, c.Denominator);
                weighted += weight * Fraction.Min(rate / Fraction.FromDecimal(target), cap);
            }

            if (IndicatorIds.CountsDossiers(id) && c.Denominator < minVolume)
            {
                eligible = false;
                shortest = Math.Max(shortest, minVolume - c.Denominator);
            }
        }

        var score = anyApplicable ? (weighted / weights).RoundHalfUp(ScoreDecimals) : 0m;
        eligible &= anyApplicable;
        return new UnitStanding(unit, score, eligible, anyApplicable, indicators, eligible || !anyApplicable ? null : shortest);
    }

    /// <summary>Wilson score interval's lower bound at 95 % (z = 1.96); 0 for no trials.</summary>
    internal static double WilsonLowerBound(long successes, long trials)
    {
        if (trials <= 0)
        {
            return 0;
        }

        double n = trials;
        var p = successes / n;
        var z2 = WilsonZ * WilsonZ;
        var centre = p + (z2 / (2 * n));
        var margin = WilsonZ * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        return Math.Max(0, (centre - margin) / (1 + (z2 / n)));
    }

    private static IndicatorProgress Progress(string id, IndicatorCounts c, decimal target, bool applicable)
    {
        var (n, d) = (c.Numerator, c.Denominator);
        double? value = d == 0 ? null : (double)n / d;
        var t = Fraction.FromDecimal(target);
        var (p, q) = (t.Numerator, t.Denominator);

        // N/D ≥ p/q  ⇔  N·q ≥ p·D, with D > 0.
        var shortfall = (p * d) - (q * n);
        var met = applicable && d > 0 && shortfall <= 0;
        long? gap;
        if (!applicable)
        {
            gap = null;
        }
        else if (met)
        {
            gap = 0;
        }
        else if (!IndicatorIds.CountsDossiers(id))
        {
            // ceil(t·D − N) further procedures, none to speak of without a denominator.
            gap = d == 0 ? null : (long)CeilingDivide(shortfall, q);
        }
        else if (d == 0)
        {
            gap = 1;
        }
        else if (p >= q)
        {
            // A target of 1 with a dossier already failed can never be reached again.
            gap = null;
        }
        else
        {
            // Smallest x with (N + x)/(D + x) ≥ p/q: x = ceil((p·D − q·N) / (q − p)).
            gap = (long)CeilingDivide(shortfall, q - p);
        }

        return new IndicatorProgress(id, n, d, value, target, met, gap, applicable);
    }

    private static BigInteger CeilingDivide(BigInteger numerator, BigInteger denominator)
    {
        var quotient = BigInteger.DivRem(numerator, denominator, out var remainder);
        return remainder.Sign > 0 ? quotient + 1 : quotient;
    }
}
