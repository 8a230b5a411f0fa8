using System.Globalization;
using Leaderboard.Abstractions.Boards;
using Leaderboard.Abstractions.Units;
using Leaderboard.Domain.Catalogue;
using Leaderboard.Grains.Organisation;
using Leaderboard.Web.Keys;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Leaderboard.Web.Api;

/// <summary>Campaigns, their boards and their units (read side; api.md).</summary>
public static class CampaignsApi
{
    public static IEndpointRouteBuilder MapCampaignsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/campaigns")
            .WithTags("Campaigns")
            .RequireKey(KeyRequirement.Viewer)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/", ListCampaigns).WithName("ListCampaigns").WithSummary("Các đợt thi đua — the campaigns");
        group.MapGet("/{campaign}", GetCampaign)
            .WithName("GetCampaign")
            .WithSummary("Một đợt thi đua: thời gian, chỉ tiêu, bảng xếp hạng — one campaign")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{campaign}/boards/{board}", GetBoardAsync)
            .WithName("GetBoard")
            .WithSummary("Bảng xếp hạng (asOf=YYYY-MM-DD cho một ngày đã qua) — the ranking")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{campaign}/units/{unit}", GetUnitAsync)
            .WithName("GetUnit")
            .WithSummary("Tiến độ của một đơn vị — one unit's progress")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    internal static Ok<ApiModels.CampaignDto[]> ListCampaigns(Catalogue catalogue, NumbersDay day) =>
        TypedResults.Ok(catalogue.Campaigns.OrderBy(c => c.Start).Select(c => ApiModels.Campaign(c, day.Today(catalogue.TimeZone), day.PlayedDay)).ToArray());

    internal static Results<Ok<ApiModels.CampaignDto>, ProblemHttpResult> GetCampaign(string campaign, Catalogue catalogue, NumbersDay day) =>
        catalogue.FindCampaign(campaign) is { } c
            ? TypedResults.Ok(ApiModels.Campaign(c, day.Today(catalogue.TimeZone), day.PlayedDay))
            : NotFound("đợt thi đua", campaign);

    internal static async Task<Results<Ok<ApiModels.BoardDto>, ProblemHttpResult>> GetBoardAsync(
        string campaign, string board, string? asOf, Catalogue catalogue, IGrainFactory grains)
    {
        if (catalogue.FindCampaign(campaign) is not { } c)
        {
            return NotFound("đợt thi đua", campaign);
        }

        if (c.FindBoard(board) is null)
        {
            return NotFound("bảng xếp hạng", board);
        }

        if (!TryParseAsOf(asOf, out var day))
        {
            return BadAsOf(asOf);
        }

        var grain = grains.GetGrain<IBoardGrain>(new BoardKey(campaign, board).ToString());
        var snapshot = day is { } d ? await grain.GetAsOfAsync(d) : await grain.GetSnapshotAsync();
        return TypedResults.Ok(ApiModels.Board(snapshot, catalogue));
    }

    internal static async Task<Results<Ok<ApiModels.UnitDto>, ProblemHttpResult>> GetUnitAsync(
        string campaign, string unit, string? asOf, Catalogue catalogue, IGrainFactory grains)
    {
        if (catalogue.FindCampaign(campaign) is null)
        {
            return NotFound("đợt thi đua", campaign);
        }

        if (catalogue.FindUnit(unit) is null)
        {
            return NotFound("đơn vị", unit);
        }

        if (!TryParseAsOf(asOf, out var day))
        {
            return BadAsOf(asOf);
        }

        var progress = await grains.GetGrain<IUnitGrain>(unit).GetProgressAsync(campaign, day);
        return TypedResults.Ok(ApiModels.Unit(progress, catalogue));
    }

    private static bool TryParseAsOf(string? asOf, out DateOnly? day)
    {
        day = null;
        if (asOf is null)
        {
            return true;
        }

        if (DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            day = d;
            return true;
        }

        return false;
    }

    private static ProblemHttpResult BadAsOf(string? asOf) =>
        EventsApi.Problem(StatusCodes.Status400BadRequest, "Tham số asOf không hợp lệ", $"'{asOf}' không phải ngày dạng YYYY-MM-DD.", "asOf");

    private static ProblemHttpResult NotFound(string what, string code) =>
        EventsApi.Problem(StatusCodes.Status404NotFound, $"Không tìm thấy {what}", $"Không có {what} với mã '{code}'.");
}
