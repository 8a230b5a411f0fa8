namespace Leaderboard.Abstractions.Surrogates;

[GenerateSerializer, Immutable, Alias("lb.IndicatorProgress")]
public struct IndicatorProgressSurrogate
{
    [Id(0)] public string Id;
    [Id(1)] public long Numerator;
    [Id(2)] public long Denominator;
    [Id(3)] public double? Value;
    [Id(4)] public decimal Target;
    [Id(5)] public bool Met;
    [Id(6)] public long? Gap;
    [Id(7)] public bool Applicable;
}
