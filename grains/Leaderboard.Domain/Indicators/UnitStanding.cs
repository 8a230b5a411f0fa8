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
    long? EligibilityGap);
