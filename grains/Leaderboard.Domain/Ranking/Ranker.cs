using Leaderboard.Domain.Indicators;

namespace Leaderboard.Domain.Ranking;

/// <summary>
/// Competition ranking of a board (domain.md): eligible units first, then the ineligible ones, each group by
/// score. A rank is 1 + the number of units of the group with a strictly higher score, offset by the number of
/// eligible units for the ineligible group, so ties share a rank ("1, 2, 2, 4").
/// </summary>
/// <remarks>
/// A board ranks its units again after every round of changes. An instance keeps its buffers from one ranking to the
/// next, so a re-rank of a large board allocates nothing: each re-rank of 10,000 units used to allocate 600 kB, and
/// the collections that started inside a re-rank were its slowest percent. Not thread-safe: owned by one board.
/// </remarks>
public sealed class Ranker
{
    private readonly DisplayOrder _displayOrder = new();
    private UnitStanding[] _items = [];
    private int[] _order = [];
    private long[] _keys = [];
    private RankedStanding[] _ranked = [];

    /// <summary>A one-off ranking, in a new array.</summary>
    public static IReadOnlyList<RankedStanding> Rank(IEnumerable<UnitStanding> standings) => new Ranker().Rerank(standings).ToArray();

    /// <summary>
    /// The standings in display order with their ranks, in this ranker's buffer: valid until its next call. One sort
    /// of packed integer keys (codes compared only within runs of equal keys), then one pass.
    /// </summary>
    public ReadOnlySpan<RankedStanding> Rerank(IEnumerable<UnitStanding> standings)
    {
        var count = Gather(standings);
        var items = _items;
        var order = _order.AsSpan(0, count);
        var keys = _keys.AsSpan(0, count);
        _displayOrder.Reset(items, count);
        var packed = true;
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
            packed &= _displayOrder.TryPack(i, out keys[i]);
        }

        if (packed)
        {
            keys.Sort(order);
            for (var start = 0; start < count;)
            {
                var end = start + 1;
                while (end < count && keys[end] == keys[start])
                {
                    end++;
                }

                if (end - start > 1)
                {
                    order[start..end].Sort(_displayOrder.ByCode);
                }

                start = end;
            }
        }
        else
        {
            order.Sort(_displayOrder);
        }

        var ranked = _ranked.AsSpan(0, count);
        var rank = 0;
        for (var i = 0; i < count; i++)
        {
            var standing = items[order[i]];
            // Packed keys hold the group and the score above bit 31, so ties are told without reading the standings
            // again: in sorted order those reads go all over the heap.
            var tied = i > 0 && (packed
                ? keys[i] >> DisplayOrder.ScoreShift == keys[i - 1] >> DisplayOrder.ScoreShift
                : items[order[i - 1]].Eligible == standing.Eligible && items[order[i - 1]].Score == standing.Score);
            if (!tied)
            {
                // Sorted by score within each group: every unit before this one with a strictly higher score.
                rank = i + 1;
            }

            ranked[i] = new RankedStanding(standing, rank);
        }

        return ranked;
    }

    /// <summary>Copies the standings into the buffers, grown to fit; the count.</summary>
    private int Gather(IEnumerable<UnitStanding> standings)
    {
        if (standings is ICollection<UnitStanding> collection)
        {
            Fit(collection.Count);
            collection.CopyTo(_items, 0);
            return collection.Count;
        }

        var count = 0;
        foreach (var standing in standings)
        {
            Fit(count + 1);
            _items[count++] = standing;
        }

        return count;
    }

    private void Fit(int count)
    {
        if (_items.Length >= count)
        {
            return;
        }

        var size = Math.Max(count, _items.Length * 2);
        Array.Resize(ref _items, size);
        _order = new int[size];
        _keys = new long[size];
        _ranked = new RankedStanding[size];
    }
}
