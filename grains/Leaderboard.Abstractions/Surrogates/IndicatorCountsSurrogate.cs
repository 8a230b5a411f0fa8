using Leaderboard.Domain.Counting;

namespace Leaderboard.Abstractions.Surrogates;

[GenerateSerializer, Immutable, Alias("lb.IndicatorCounts")]
public struct IndicatorCountsSurrogate
{
    [Id(0)] public long Numerator;
    [Id(1)] public long Denominator;
}

[RegisterConverter]
public sealed class IndicatorCountsConverter : IConverter<IndicatorCounts, IndicatorCountsSurrogate>
{
    public IndicatorCounts ConvertFromSurrogate(in IndicatorCountsSurrogate s) => new(s.Numerator, s.Denominator);

    public IndicatorCountsSurrogate ConvertToSurrogate(in IndicatorCounts v) => new() { Numerator = v.Numerator, Denominator = v.Denominator };
}
