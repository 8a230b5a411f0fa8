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
        // Index loops, not foreach over the interfaces: every unit publication evaluates every indicator.
        for (var k = 0; k < TargetOverrides.Count; k++)
        {
            var o = TargetOverrides[k];
            if (o.Unit == unit && o.Indicator == indicator)
            {
                return o.Target;
            }
        }

        return Indicator(indicator).Target;
    }

    /// <summary>One indicator of domain.md with the campaign's target and weight (weight 0 when the campaign leaves it out).</summary>
    public CampaignIndicator Indicator(string id)
    {
        for (var k = 0; k < Indicators.Count; k++)
        {
            if (Indicators[k].Id == id)
            {
                return Indicators[k];
            }
        }

        return new CampaignIndicator(id, IndicatorIds.DefaultTarget(id), 0m);
    }

    /// <summary>Every indicator of domain.md, with the campaign's target and weight (weight 0 when the campaign leaves it out).</summary>
    public IReadOnlyList<CampaignIndicator> AllIndicators()
    {
        var list = new List<CampaignIndicator>(IndicatorIds.All.Count);
        foreach (var id in IndicatorIds.All)
        {
            list.Add(Indicator(id));
        }

        return list;
    }
}
