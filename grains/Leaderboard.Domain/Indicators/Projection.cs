using Leaderboard.Domain.Catalogue;
using Leaderboard.Domain.Counting;

namespace Leaderboard.Domain.Indicators;

/// <summary>
/// Projection to the campaign end (domain.md): numerator and denominator each extended at their average daily
/// growth over the last 14 days of the trend (over all its days when it is shorter, counting from zero before
/// its first day). The usage denominator (assigned procedures) does not grow. Values are capped at 1.
/// Double arithmetic: this is an estimate for display, never compared against a target.
/// </summary>
public static class Projection
{
    private const int LookbackDays = 14;

    public static IReadOnlyDictionary<string, double?> Project(IReadOnlyList<TrendPoint> trend, DateOnly campaignEnd)
    {
        var result = new Dictionary<string, double?>(IndicatorIds.All.Count, StringComparer.Ordinal);
        if (trend.Count == 0)
        {
            foreach (var id in IndicatorIds.All)
            {
                result[id] = null;
            }

            return result;
        }

        var last = trend[^1];
        var span = Math.Min(LookbackDays, trend.Count);
        var baseline = span < trend.Count ? trend[trend.Count - 1 - span].Counts : WindowCounts.Empty;
        var remaining = Math.Max(0, campaignEnd.DayNumber - last.Day.DayNumber);
        foreach (var id in IndicatorIds.All)
        {
            var now = last.Counts.Get(id);
            var before = baseline.Get(id);
            var n = Extend(now.Numerator, before.Numerator, span, remaining);
            var d = id == IndicatorIds.OnlineServiceUsage ? now.Denominator : Extend(now.Denominator, before.Denominator, span, remaining);
            result[id] = d <= 0 ? null : Math.Min(1.0, n / d);
        }

        return result;
    }

    private static double Extend(long now, long before, int span, int remaining) =>
        Math.Max(0, now + ((double)(now - before) / span * remaining));
}
