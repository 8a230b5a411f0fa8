namespace Leaderboard.Domain.Catalogue;

/// <summary>An emulation campaign (đợt thi đua). Dates are inclusive, in <see cref="TimeZone"/>.</summary>
public sealed record Campaign(
    string Id,
    string Name,
    string? Organiser,
    DateOnly Start,
    DateOnly End,
    string TimeZone,
    IReadOnlyList<CampaignIndicator> Indicators,
    decimal ScoreCap,
    int MinVolume,
    IReadOnlyList<Board> Boards,
    IReadOnlyList<TargetOverride> TargetOverrides,
    RankingMode RankingMode = RankingMode.Raw)
{
    public const decimal DefaultScoreCap = 1.2m;
    public const int DefaultMinVolume = 10;

    public Board? FindBoard(string id) => Boards.FirstOrDefault(b => b.Id == id);

    /// <summary>The target for one unit: its override if the campaign has one, else the campaign's.</summary>
    public decimal TargetFor(string unit, string indicator)
    {
        foreach (var o in TargetOverrides)
        {
            if (o.Unit == unit && o.Indicator == indicator)
            {
                return o.Target;
            }
        }

        foreach (var i in Indicators)
        {
            if (i.Id == indicator)
            {
                return i.Target;
            }
        }

        return IndicatorIds.DefaultTarget(indicator);
    }

    /// <summary>Every indicator of domain.md, with the campaign's target and weight (weight 0 when the campaign leaves it out).</summary>
    public IReadOnlyList<CampaignIndicator> AllIndicators()
    {
        var list = new List<CampaignIndicator>(IndicatorIds.All.Count);
        foreach (var id in IndicatorIds.All)
        {
            list.Add(Indicators.FirstOrDefault(i => i.Id == id) ?? new CampaignIndicator(id, IndicatorIds.DefaultTarget(id), 0m));
        }

        return list;
    }
}
