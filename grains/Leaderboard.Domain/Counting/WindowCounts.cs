using Leaderboard.Domain.Catalogue;

namespace Leaderboard.Domain.Counting;

/// <summary>The four indicators' numerators and denominators of one unit's subtree over a window.</summary>
public readonly record struct WindowCounts(
    IndicatorCounts OnlineServiceUsage,
    IndicatorCounts OnlinePayment,
    IndicatorCounts OnlineDossier,
    IndicatorCounts OnTime)
{
    public static WindowCounts Empty { get; } = new(default, default, default, default);

    public IndicatorCounts this[string indicatorId] => Get(indicatorId);

    public IndicatorCounts Get(string indicatorId) => indicatorId switch
    {
        IndicatorIds.OnlineServiceUsage => OnlineServiceUsage,
        IndicatorIds.OnlinePayment => OnlinePayment,
        IndicatorIds.OnlineDossier => OnlineDossier,
        IndicatorIds.OnTime => OnTime,
        _ => throw new ArgumentOutOfRangeException(nameof(indicatorId), indicatorId, "unknown indicator"),
    };
}
