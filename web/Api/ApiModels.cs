using System.Text.Json.Serialization;
using Leaderboard.Abstractions.Boards;
using Leaderboard.Abstractions.Ingestion;
using Leaderboard.Abstractions.Units;
using Leaderboard.Domain.Catalogue;
using Leaderboard.Domain.Indicators;

namespace Leaderboard.Web.Api;

/// <summary>The JSON shapes of api.md (camelCase), built from grain messages.</summary>
public static class ApiModels
{
    public sealed record IndicatorDto(long Numerator, long Denominator, double? Value, decimal Target, bool Met, long? Gap, bool Applicable);

    public sealed record EntryDto(
        string Unit,
        string Name,
        int Rank,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? PreviousRank,
        decimal Score,
        bool Eligible,
        bool Applicable,
        IReadOnlyDictionary<string, IndicatorDto> Indicators,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? EligibilityGap);

    public sealed record BoardDto(string Campaign, string Board, long Epoch, long Version, string? AsOf, IReadOnlyList<EntryDto> Entries);

    public sealed record BoardChangedDto(string Campaign, string Board, long Epoch, long Version, IReadOnlyList<EntryDto> Entries);

    public sealed record RankDto(string Board, int Rank, int Of);

    public sealed record TrendDto(string Day, IReadOnlyDictionary<string, CountsDto> Indicators);

    public sealed record CountsDto(long Numerator, long Denominator);

    public sealed record UnitDto(
        string Campaign,
        string Unit,
        string Name,
        long Epoch,
        long Version,
        string? AsOf,
        decimal Score,
        bool Eligible,
        bool Applicable,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? EligibilityGap,
        IReadOnlyDictionary<string, IndicatorDto> Indicators,
        IReadOnlyList<RankDto> Ranks,
        IReadOnlyList<TrendDto> Trend,
        IReadOnlyDictionary<string, double?> Projection);

    public sealed record UnitChangedDto(string Campaign, string Unit, long Epoch, long Version, decimal Score, bool Eligible, IReadOnlyDictionary<string, IndicatorDto> Indicators, IReadOnlyList<RankDto> Ranks);

    public sealed record TargetReachedDto(string Campaign, string Unit, string Name, string Indicator, double Value, decimal Target, DateTimeOffset At);

    public sealed record ActivityDto(string Campaign, string Unit, string Name, string Kind, int Count, DateTimeOffset At);

    public sealed record CampaignIndicatorDto(string Id, string Name, decimal Target, decimal Weight);

    public sealed record CampaignBoardDto(string Id, string Name, IReadOnlyList<string> Units);

    public sealed record CampaignDto(
        string Id,
        string Name,
        string? Organiser,
        string Start,
        string End,
        string TimeZone,
        int DaysLeft,
        decimal ScoreCap,
        int MinVolume,
        IReadOnlyList<CampaignIndicatorDto> Indicators,
        IReadOnlyList<CampaignBoardDto> Boards,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? PlayedDay = null);

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static IReadOnlyDictionary<string, IndicatorDto> Indicators(UnitStanding s)
    {
        var map = new Dictionary<string, IndicatorDto>(s.Indicators.Count, StringComparer.Ordinal);
        foreach (var (id, p) in s.Indicators)
        {
            map[id] = new IndicatorDto(p.Numerator, p.Denominator, p.Value, p.Target, p.Met, p.Gap, p.Applicable);
        }

        return map;
    }

    public static EntryDto Entry(BoardEntry e, Catalogue catalogue) =>
        new(
            e.Standing.Unit,
            catalogue.FindUnit(e.Standing.Unit)?.Name ?? e.Standing.Unit,
            e.Rank,
            e.PreviousRank,
            e.Standing.Score,
            e.Standing.Eligible,
            e.Standing.Applicable,
            Indicators(e.Standing),
            e.Standing.EligibilityGap);

    public static BoardDto Board(BoardSnapshot s, Catalogue catalogue) =>
        new(s.Campaign, s.Board, s.Epoch, s.Version, s.AsOf is { } d ? Day(d) : null, [.. s.Entries.Select(e => Entry(e, catalogue))]);

    public static BoardChangedDto BoardChanged(BoardChange c, Catalogue catalogue) =>
        new(c.Campaign, c.Board, c.Epoch, c.Version, [.. c.Entries.Select(e => Entry(e, catalogue))]);

    public static UnitDto Unit(UnitProgress p, Catalogue catalogue) =>
        new(
            p.Campaign,
            p.Unit,
            catalogue.FindUnit(p.Unit)?.Name ?? p.Unit,
            p.Epoch,
            p.Version,
            p.AsOf is { } d ? Day(d) : null,
            p.Standing.Score,
            p.Standing.Eligible,
            p.Standing.Applicable,
            p.Standing.EligibilityGap,
            Indicators(p.Standing),
            [.. p.Ranks.Select(r => new RankDto(r.Board, r.Rank, r.Of))],
            [.. p.Trend.Select(t => new TrendDto(Day(t.Day), IndicatorIds.All.ToDictionary(id => id, id => Counts(t, id), StringComparer.Ordinal)))],
            p.Projection);

    public static UnitChangedDto UnitChanged(UnitChange c) =>
        new(c.Campaign, c.Unit, c.Epoch, c.Version, c.Standing.Score, c.Standing.Eligible, Indicators(c.Standing), [.. c.Ranks.Select(r => new RankDto(r.Board, r.Rank, r.Of))]);

    public static TargetReachedDto TargetReached(TargetReached r, Catalogue catalogue) =>
        new(r.Campaign, r.Unit, catalogue.FindUnit(r.Unit)?.Name ?? r.Unit, r.Indicator, r.Value, r.Target, r.At);

    public static ActivityDto Activity(string campaign, ActivityCount a, Catalogue catalogue) =>
        new(campaign, a.Unit, catalogue.FindUnit(a.Unit)?.Name ?? a.Unit, a.Kind, a.Count, a.At);

    /// <param name="playedDay">The day the demo feed has reached, while it plays (the pages count from it); null otherwise.</param>
    public static CampaignDto Campaign(Campaign c, DateOnly today, DateOnly? playedDay = null) =>
        new(
            c.Id,
            c.Name,
            c.Organiser,
            Day(c.Start),
            Day(c.End),
            c.TimeZone,
            CampaignCalendar.DaysLeft(c, today),
            c.ScoreCap,
            c.MinVolume,
            [.. c.AllIndicators().Select(i => new CampaignIndicatorDto(i.Id, IndicatorNames.Vietnamese(i.Id), i.Target, i.Weight))],
            [.. c.Boards.Select(b => new CampaignBoardDto(b.Id, b.Name, b.Members))],
            playedDay is { } d ? Day(d) : null);

    private static CountsDto Counts(TrendDay t, string id)
    {
        var c = t.Counts.Get(id);
        return new CountsDto(c.Numerator, c.Denominator);
    }
}
