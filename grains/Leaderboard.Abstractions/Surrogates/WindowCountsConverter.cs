using Leaderboard.Domain.Counting;

namespace Leaderboard.Abstractions.Surrogates;

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
