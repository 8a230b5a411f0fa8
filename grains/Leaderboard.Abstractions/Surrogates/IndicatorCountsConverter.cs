using Leaderboard.Domain.Counting;

namespace Leaderboard.Abstractions.Surrogates;

[RegisterConverter]
public sealed class IndicatorCountsConverter : IConverter<IndicatorCounts, IndicatorCountsSurrogate>
{
    public IndicatorCounts ConvertFromSurrogate(in IndicatorCountsSurrogate s) => new(s.Numerator, s.Denominator);

    public IndicatorCountsSurrogate ConvertToSurrogate(in IndicatorCounts v) => new() { Numerator = v.Numerator, Denominator = v.Denominator };
}
