using Leaderboard.Domain.Indicators;

namespace Leaderboard.Domain.Ranking;

/// <summary>
/// Competition ranking of a board (domain.md): eligible units first, then the ineligible ones, each group by
/// score. A rank is 1 + the number of units of the group with a strictly higher score, offset by the number of
/// eligible units for the ineligible group, so ties share a rank ("1, 2, 2, 4").
/// </summary>
public static class Ranker
{
    /// <summary>
    /// The standings in display order with their ranks. One sort of packed integer keys (codes compared only
    /// within runs of equal keys), then one pass.
    /// </summary>
    public static IReadOnlyList<RankedStanding> Rank(IEnumerable<UnitStanding> standings)
    {
        var items = standings as UnitStanding[] ?? [.. standings];
        var count = items.Length;
        var order = new int[count];
        var keys = new long[count];
        var displayOrder = new DisplayOrder(items);
        var packed = true;
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
            packed &= displayOrder.TryPack(i, out keys[i]);
        }

        if (packed)
        {
            Array.Sort(keys, order);
            for (var start = 0; start < count;)
            {
                var end = start + 1;
                while (end < count && keys[end] == keys[start])
                {
                    end++;
                }

                if (end - start > 1)
                {
                    Array.Sort(order, start, end - start, displayOrder.ByCode);
                }

                start = end;
            }
        }
        else
        {
            Array.Sort(order, displayOrder);
        }

        var ranked = new RankedStanding[count];
        var rank = 0;
        for (var i = 0; i < count; i++)
        {
            var standing = items[order[i]];
            if (i == 0 || items[order[i - 1]].Eligible != standing.Eligible || items[order[i - 1]].Score != standing.Score)
            {
                // Sorted by score within each group: every unit before this one with a strictly higher score.
                rank = i + 1;
            }

            ranked[i] = new RankedStanding(standing, rank);
        }

        return ranked;
    }
}
