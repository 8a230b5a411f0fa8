namespace Leaderboard.Domain.Catalogue;

/// <summary>The four indicators of domain.md, by their fixed ids.</summary>
public static class IndicatorIds
{
    public const string OnlineServiceUsage = "online-service-usage";
    public const string OnlinePayment = "online-payment";
    public const string OnlineDossier = "online-dossier";
    public const string OnTime = "on-time";

    public static IReadOnlyList<string> All { get; } = [OnlineServiceUsage, OnlinePayment, OnlineDossier, OnTime];

    /// <summary>Indicators whose denominator counts dossiers (all but service usage, which counts procedures).</summary>
    public static bool CountsDossiers(string id) => id != OnlineServiceUsage;

    public static decimal DefaultTarget(string id) => id switch
    {
        OnlineServiceUsage => 0.90m,
        OnlinePayment => 0.45m,
        OnlineDossier => 0.90m,
        OnTime => 0.95m,
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, "unknown indicator"),
    };
}
