using Leaderboard.Domain.Indicators;

namespace Leaderboard.Abstractions.Surrogates;

[GenerateSerializer, Immutable, Alias("lb.UnitStanding")]
public struct UnitStandingSurrogate
{
    [Id(0)] public string Unit;
    [Id(1)] public decimal Score;
    [Id(2)] public bool Eligible;
    [Id(3)] public bool Applicable;
    [Id(4)] public IndicatorProgress[] Indicators;
    [Id(5)] public long? EligibilityGap;
}

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
