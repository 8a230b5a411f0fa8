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
