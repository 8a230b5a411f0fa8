using Leaderboard.Domain.Catalogue;
using Leaderboard.Domain.Indicators;

namespace Leaderboard.Domain.Ranking;

/// <summary>
/// Display order of standings by index: eligible first, then score descending, larger online-payment denominator,
/// code in ordinal order. Also packs the first three into one sortable <see cref="long"/> when it can.
/// </summary>
internal sealed class DisplayOrder(UnitStanding[] standings) : IComparer<int>
{
    private const decimal ScoreScale = 1_000_000m;

    private readonly long[] _paymentDenominators = PaymentDenominators(standings);

    /// <summary>Only the codes: for runs whose packed keys are equal.</summary>
    public IComparer<int> ByCode { get; } = Comparer<int>.Create((a, b) => string.CompareOrdinal(standings[a].Unit, standings[b].Unit));

    public int Compare(int x, int y)
    {
        var a = standings[x];
        var b = standings[y];
        if (a.Eligible != b.Eligible)
        {
            return a.Eligible ? -1 : 1;
        }

        var c = b.Score.CompareTo(a.Score);
        if (c != 0)
        {
            return c;
        }

        c = _paymentDenominators[y].CompareTo(_paymentDenominators[x]);
        return c != 0 ? c : string.CompareOrdinal(a.Unit, b.Unit);
    }

    /// <summary>
    /// Ascending key = display order up to the code: bit 62 ineligible, bits 31–61 the inverted score in millionths,
    /// bits 0–30 the inverted payment denominator. False when a score is not a 6-decimal number in [0, 2147.48]
    /// or a denominator exceeds 31 bits, where the caller falls back to <see cref="Compare"/>.
    /// </summary>
    public bool TryPack(int index, out long key)
    {
        var scaled = standings[index].Score * ScoreScale;
        var payment = _paymentDenominators[index];
        if (scaled < 0 || scaled > int.MaxValue || decimal.Truncate(scaled) != scaled || payment is < 0 or > int.MaxValue)
        {
            key = 0;
            return false;
        }

        key = ((standings[index].Eligible ? 0L : 1L) << 62) | ((int.MaxValue - (long)scaled) << 31) | (int.MaxValue - payment);
        return true;
    }

    private static long[] PaymentDenominators(UnitStanding[] standings)
    {
        var result = new long[standings.Length];
        for (var i = 0; i < standings.Length; i++)
        {
            result[i] = standings[i].Indicators.TryGetValue(IndicatorIds.OnlinePayment, out var p) ? p.Denominator : 0;
        }

        return result;
    }
}
