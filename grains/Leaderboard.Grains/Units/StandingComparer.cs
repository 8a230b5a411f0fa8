using Leaderboard.Domain.Indicators;

namespace Leaderboard.Grains.Units;

/// <summary>Value equality of standings (records holding dictionaries compare by reference otherwise).</summary>
internal static class StandingComparer
{
    public static bool Same(UnitStanding a, UnitStanding b)
    {
        if (a.Unit != b.Unit || a.Score != b.Score || a.Eligible != b.Eligible || a.Applicable != b.Applicable
            || a.EligibilityGap != b.EligibilityGap || a.Indicators.Count != b.Indicators.Count)
        {
            return false;
        }

        foreach (var (id, x) in a.Indicators)
        {
            if (!b.Indicators.TryGetValue(id, out var y) || x != y)
            {
                return false;
            }
        }

        return true;
    }
}
