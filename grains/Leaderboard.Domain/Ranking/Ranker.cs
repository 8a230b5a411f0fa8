using Leaderboard.Domain.Indicators;

namespace Leaderboard.Domain.Ranking;

/// <summary>
/// Competition ranking of a board (domain.md): eligible units first, then the ineligible ones, each group by
/// score. A rank is 1 + the number of units of the group with a strictly higher score, offset by the number of
/// eligible units for the ineligible group, so ties share a rank ("1, 2, 2, 4").
/// </summary>
public static class Ranker
{
    /// <summary>The standings in display order with their ranks. One sort, then one pass.</summary>
    public static IReadOnlyList<RankedStanding> Rank(IEnumerable<UnitStanding> standings)
    {
        var keys = standings is ICollection<UnitStanding> collection ? new List<RankKey>(collection.Count) : [];
        foreach (var standing in standings)
        {
            keys.Add(new RankKey(standing));
        }

        keys.Sort();
        var ranked = new RankedStanding[keys.Count];
        var rank = 0;
        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i];
            var startsGroup = i == 0 || keys[i - 1].Eligible != key.Eligible;
            if (startsGroup || keys[i - 1].Score != key.Score)
            {
                // Sorted by score within the group: the units before this one with a strictly higher score.
                rank = i + 1;
            }

            ranked[i] = new RankedStanding(key.Standing, rank);
        }

        return ranked;
    }
}
