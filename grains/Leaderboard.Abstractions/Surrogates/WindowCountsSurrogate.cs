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
