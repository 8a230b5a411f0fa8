using Leaderboard.Domain.Indicators;

namespace Leaderboard.Abstractions.Surrogates;

[RegisterConverter]
public sealed class UnitStandingConverter : IConverter<UnitStanding, UnitStandingSurrogate>
{
    public UnitStanding ConvertFromSurrogate(in UnitStandingSurrogate s)
    {
        var indicators = new Dictionary<string, IndicatorProgress>(s.Indicators.Length, StringComparer.Ordinal);
        foreach (var i in s.Indicators)
        {
            indicators[i.Id] = i;
        }

        return new UnitStanding(s.Unit, s.Score, s.Eligible, s.Applicable, indicators, s.EligibilityGap);
    }

    public UnitStandingSurrogate ConvertToSurrogate(in UnitStanding v) => new()
    {
        Unit = v.Unit,
        Score = v.Score,
        Eligible = v.Eligible,
        Applicable = v.Applicable,
        Indicators = [.. v.Indicators.Values],
        EligibilityGap = v.EligibilityGap,
    };
}
