using Leaderboard.Domain.Catalogue;
using Leaderboard.Domain.Indicators;

namespace Leaderboard.Domain.Ranking;

/// <summary>The fields the display order compares, read once per unit so the sort does no dictionary look-ups.</summary>
internal readonly struct RankKey(UnitStanding standing) : IComparable<RankKey>
{
    public UnitStanding Standing { get; } = standing;

    public bool Eligible { get; } = standing.Eligible;

    public decimal Score { get; } = standing.Score;

    public long PaymentDenominator { get; } =
        standing.Indicators.TryGetValue(IndicatorIds.OnlinePayment, out var p) ? p.Denominator : 0;

    /// <summary>Eligible first, then score descending, larger online-payment denominator, code in ordinal order.</summary>
    public int CompareTo(RankKey other)
    {
        if (Eligible != other.Eligible)
        {
            return Eligible ? -1 : 1;
        }

        var c = other.Score.CompareTo(Score);
        if (c != 0)
        {
            return c;
        }

        c = other.PaymentDenominator.CompareTo(PaymentDenominator);
        return c != 0 ? c : string.CompareOrdinal(Standing.Unit, other.Standing.Unit);
    }
}
