using Leaderboard.Domain.Indicators;

namespace Leaderboard.Domain.Ranking;

/// <summary>
/// Display order of standings by index: eligible first, then score descending, larger online-payment denominator,
/// code in ordinal order. Also packs the first three into one sortable <see cref="long"/> when it can. Reused from one
/// ranking to the next (<see cref="Reset"/>), so a re-rank allocates nothing here.
/// </summary>
internal sealed class DisplayOrder : IComparer<int>
{
    private const decimal ScoreScale = 1_000_000m;
    private const int ScoreDecimals = 6;

    /// <summary>A packed key shifted right by this many bits leaves the group and the score: equal means tied.</summary>
    public const int ScoreShift = 31;

    private static readonly long[] PowersOfTen = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

    private UnitStanding[] _standings = [];
    private long[] _paymentDenominators = [];

    public DisplayOrder()
    {
        ByCode = Comparer<int>.Create((a, b) => string.CompareOrdinal(_standings[a].Unit, _standings[b].Unit));
    }

    /// <summary>Only the codes: for runs whose packed keys are equal.</summary>
    public IComparer<int> ByCode { get; }

    /// <summary>Orders the first <paramref name="count"/> standings of <paramref name="standings"/> from now on.</summary>
    public void Reset(UnitStanding[] standings, int count)
    {
        _standings = standings;
        if (_paymentDenominators.Length < count)
        {
            _paymentDenominators = new long[standings.Length];
        }

        for (var i = 0; i < count; i++)
        {
            _paymentDenominators[i] = standings[i].PaymentDenominator;
        }
    }

    public int Compare(int x, int y)
    {
        var a = _standings[x];
        var b = _standings[y];
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
        var payment = _paymentDenominators[index];
        if (!TryScale(_standings[index].Score, out var scaled) || payment is < 0 or > int.MaxValue)
        {
            key = 0;
            return false;
        }

        key = ((_standings[index].Eligible ? 0L : 1L) << 62) | ((int.MaxValue - scaled) << ScoreShift) | (int.MaxValue - payment);
        return true;
    }

    /// <summary>
    /// The score in millionths when that is a whole number in [0, <see cref="int.MaxValue"/>]. Read from the decimal's
    /// bits (a score has at most six decimals, so it is its mantissa times a power of ten): decimal arithmetic on every
    /// unit of a large board cost a third of a re-rank. Anything else takes the arithmetic way.
    /// </summary>
    private static bool TryScale(decimal score, out long scaled)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(score, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        if (bits[3] >= 0 && scale <= ScoreDecimals)
        {
            if (bits[2] != 0 || bits[1] != 0 || bits[0] < 0)
            {
                // The mantissa alone exceeds int.MaxValue, so the millionths do too.
                scaled = 0;
                return false;
            }

            scaled = bits[0] * PowersOfTen[ScoreDecimals - scale];
            return scaled <= int.MaxValue;
        }

        var exact = score * ScoreScale;
        if (exact < 0 || exact > int.MaxValue || decimal.Truncate(exact) != exact)
        {
            scaled = 0;
            return false;
        }

        scaled = (long)exact;
        return true;
    }
}
