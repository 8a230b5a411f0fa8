using Leaderboard.Domain.Catalogue;
using Leaderboard.Domain.Indicators;

namespace Leaderboard.Benchmarks.Rank;

/// <summary>
/// A board of synthetic standings shaped like the domain's: four indicators as numerator/denominator pairs, a score
/// that is their mean rounded to 6 decimals (so small counts tie, as they do on real boards), every tenth unit
/// below the minimum volume and so ineligible. <see cref="Change"/> moves a batch of units forward by a few
/// dossiers each, the way a burst of events does.
/// </summary>
public sealed class SyntheticBoard
{
    private const int MinimumVolume = 10;

    private readonly Random _random;
    private readonly long[,] _numerators;
    private readonly long[,] _denominators;
    private readonly int[] _shuffle;

    public SyntheticBoard(int units, int seed)
    {
        _random = new Random(seed);
        _numerators = new long[units, IndicatorIds.All.Count];
        _denominators = new long[units, IndicatorIds.All.Count];
        _shuffle = [.. Enumerable.Range(0, units)];
        Standings = new UnitStanding[units];
        for (var u = 0; u < units; u++)
        {
            for (var k = 0; k < IndicatorIds.All.Count; k++)
            {
                // Every tenth unit is small: its on-time denominator stays below the minimum volume, so the
                // board keeps an ineligible group however long the run.
                var d = Small(u) && k == IndicatorIds.All.Count - 1 ? _random.Next(0, MinimumVolume) : _random.Next(0, 400);
                _denominators[u, k] = d;
                _numerators[u, k] = d == 0 ? 0 : _random.Next(0, d + 1);
            }

            Standings[u] = Build(u);
        }
    }

    /// <summary>The board's current standings, one per unit, in a fixed (unsorted) order.</summary>
    public UnitStanding[] Standings { get; }

    /// <summary>Gives <paramref name="count"/> distinct units new counters and new standings.</summary>
    public void Change(int count)
    {
        // Partial Fisher–Yates: the first count entries become a uniform sample without repeats.
        for (var i = 0; i < count; i++)
        {
            var j = _random.Next(i, _shuffle.Length);
            (_shuffle[i], _shuffle[j]) = (_shuffle[j], _shuffle[i]);
            var u = _shuffle[i];
            for (var k = 0; k < IndicatorIds.All.Count; k++)
            {
                var added = Small(u) && k == IndicatorIds.All.Count - 1 ? 0 : _random.Next(0, 4);
                _denominators[u, k] += added;
                _numerators[u, k] += _random.Next(0, added + 1);
            }

            Standings[u] = Build(u);
        }
    }

    private static bool Small(int u) => u % 10 == 0;

    private UnitStanding Build(int u)
    {
        var indicators = new Dictionary<string, IndicatorProgress>(IndicatorIds.All.Count, StringComparer.Ordinal);
        decimal sum = 0;
        var eligible = true;
        long? gap = null;
        for (var k = 0; k < IndicatorIds.All.Count; k++)
        {
            var id = IndicatorIds.All[k];
            var n = _numerators[u, k];
            var d = _denominators[u, k];
            var value = d == 0 ? 0m : (decimal)n / d;
            var target = IndicatorIds.DefaultTarget(id);
            sum += value;
            if (d < MinimumVolume)
            {
                eligible = false;
                gap = Math.Min(gap ?? long.MaxValue, MinimumVolume - d);
            }

            var met = d > 0 && value >= target;
            long? toTarget = met ? 0 : (long)Math.Ceiling((target * d - n) / (1 - target));
            indicators[id] = new IndicatorProgress(id, n, d, d == 0 ? null : (double)value, target, met, toTarget, d > 0);
        }

        var score = Math.Round(sum / IndicatorIds.All.Count, 6, MidpointRounding.AwayFromZero);
        return new UnitStanding($"U{u:D5}", score, eligible, true, indicators, eligible ? null : gap);
    }
}
