namespace Leaderboard.Abstractions.Surrogates;

[GenerateSerializer, Immutable, Alias("lb.IndicatorCounts")]
public struct IndicatorCountsSurrogate
{
    [Id(0)] public long Numerator;
    [Id(1)] public long Denominator;
}
