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

        // Standings made here hold a Dictionary: walked as one, its enumerator is not boxed (a unit compares its
        // standings at every publication, a board every standing it receives).
        if (a.Indicators is Dictionary<string, IndicatorProgress> concrete)
        {
            foreach (var (id, x) in concrete)
            {
                if (!Holds(b, id, x))
                {
                    return false;
                }
            }

            return true;
        }

        foreach (var (id, x) in a.Indicators)
        {
            if (!Holds(b, id, x))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Holds(UnitStanding s, string id, IndicatorProgress x) => s.Indicators.TryGetValue(id, out var y) && x == y;
}
