using Leaderboard.Domain.Indicators;

namespace Leaderboard.Abstractions.Surrogates;

[RegisterConverter]
public sealed class IndicatorProgressConverter : IConverter<IndicatorProgress, IndicatorProgressSurrogate>
{
    public IndicatorProgress ConvertFromSurrogate(in IndicatorProgressSurrogate s) =>
        new(s.Id, s.Numerator, s.Denominator, s.Value, s.Target, s.Met, s.Gap, s.Applicable);

    public IndicatorProgressSurrogate ConvertToSurrogate(in IndicatorProgress v) => new()
    {
        Id = v.Id,
        Numerator = v.Numerator,
        Denominator = v.Denominator,
        Value = v.Value,
        Target = v.Target,
        Met = v.Met,
        Gap = v.Gap,
        Applicable = v.Applicable,
    };
}
