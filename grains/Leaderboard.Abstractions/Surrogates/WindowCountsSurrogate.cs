using Leaderboard.Domain.Counting;

namespace Leaderboard.Abstractions.Surrogates;

[GenerateSerializer, Immutable, Alias("lb.WindowCounts")]
public struct WindowCountsSurrogate
{
    [Id(0)] public IndicatorCounts OnlineServiceUsage;
    [Id(1)] public IndicatorCounts OnlinePayment;
    [Id(2)] public IndicatorCounts OnlineDossier;
    [Id(3)] public IndicatorCounts OnTime;
}

[RegisterConverter]
public sealed class WindowCountsConverter : IConverter<WindowCounts, WindowCountsSurrogate>
{
    public WindowCounts ConvertFromSurrogate(in WindowCountsSurrogate s) =>
        new(s.OnlineServiceUsage, s.OnlinePayment, s.OnlineDossier, s.OnTime);

    public WindowCountsSurrogate ConvertToSurrogate(in WindowCounts v) => new()
    {
        OnlineServiceUsage = v.OnlineServiceUsage,
        OnlinePayment = v.OnlinePayment,
        OnlineDossier = v.OnlineDossier,
        OnTime = v.OnTime,
    };
}
