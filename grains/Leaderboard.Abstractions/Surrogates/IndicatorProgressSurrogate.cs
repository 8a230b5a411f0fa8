using Leaderboard.Domain.Indicators;

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
