using Leaderboard.Domain.Catalogue;

namespace Leaderboard.Domain.Indicators;

/// <summary>
/// A unit's standing in a campaign over a window. <see cref="Indicators"/> holds every indicator of
/// <see cref="Catalogue.IndicatorIds.All"/>, in that order. <see cref="Score"/> is rounded half up to 6 decimals.
/// <see cref="EligibilityGap"/>: for an ineligible unit to which some weighted indicator applies, how many more
/// dossiers its shortest denominator needs to reach the minimum volume; null otherwise.
/// </summary>
public sealed record UnitStanding(
    string Unit,
    decimal Score,
    bool Eligible,
    bool Applicable,
    IReadOnlyDictionary<string, IndicatorProgress> Indicators,
    long? EligibilityGap)
{
    private readonly IReadOnlyDictionary<string, IndicatorProgress> _indicators = Indicators;
    private readonly long _paymentDenominator = PaymentDenominatorOf(Indicators);

    public IReadOnlyDictionary<string, IndicatorProgress> Indicators
    {
        get => _indicators;
        init
        {
            _indicators = value;
            _paymentDenominator = PaymentDenominatorOf(value);
        }
    }

    /// <summary>
    /// The online-payment denominator (0 without one): the display order's tie-break, read for every unit of a board
    /// at every re-rank. Kept here because looking it up in <see cref="Indicators"/> cost a third of a re-rank.
    /// </summary>
    internal long PaymentDenominator => _paymentDenominator;

    private static long PaymentDenominatorOf(IReadOnlyDictionary<string, IndicatorProgress> indicators) =>
        indicators.TryGetValue(IndicatorIds.OnlinePayment, out var payment) ? payment.Denominator : 0;
}
