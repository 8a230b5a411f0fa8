using System.Text;
using Leaderboard.Abstractions;
using Leaderboard.Domain.Catalogue;
using Leaderboard.Grains.Organisation;
using Leaderboard.Web.Ingestion;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Leaderboard.Web.Api;

/// <summary>
/// Admin endpoints that load or replace the organisation: units, procedures, assignments and campaigns, in the data
/// folder's formats and with the same validation. A change is checked as a whole catalogue before it is stored; every
/// node picks it up within seconds, and the grains rebuild their numbers under it from the journal's dossiers.
/// </summary>
public static class AdminCatalogueApi
{
    /// <summary>A catalogue file is small; this bounds what an admin can upload by mistake.</summary>
    private const int MaxFileBytes = 20 * 1024 * 1024;

    public static IEndpointRouteBuilder MapAdminCatalogueApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin/catalogue").WithTags("Admin")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/", ListAsync).WithName("GetCatalogueFiles").WithSummary("Các tệp danh mục đang dùng và phiên bản");
        MapPut(group, "/units", CatalogueLoader.UnitsFile, "PutUnits", "Thay danh sách đơn vị (units.csv)");
        MapPut(group, "/procedures", CatalogueLoader.ProceduresFile, "PutProcedures", "Thay danh mục thủ tục (procedures.csv)");
        MapPut(group, "/assignments", CatalogueLoader.AssignmentsFile, "PutAssignments", "Thay phân công thủ tục cho đơn vị (assignments.csv)");
        group.MapPut("/campaigns/{campaign}", (string campaign, HttpContext c, ApiKeys k, CatalogueAdmin a) => ReplaceAsync(c, k, a, $"campaign-{campaign}.json"))
            .WithName("PutCampaign").WithSummary("Tạo hoặc thay một đợt thi đua (JSON như campaign-*.json)")
            .AddOpenApiOperationTransformer(ApiDocumentation.DescribeCatalogueFileBody)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapDelete("/campaigns/{campaign}", (string campaign, HttpContext c, ApiKeys k, CatalogueAdmin a) => RemoveAsync(c, k, a, $"campaign-{campaign}.json"))
            .WithName("DeleteCampaign").WithSummary("Xóa một đợt thi đua")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static void MapPut(RouteGroupBuilder group, string path, string file, string name, string summary)
    {
        group.MapPut(path, (HttpContext c, ApiKeys k, CatalogueAdmin a) => ReplaceAsync(c, k, a, file))
            .WithName(name).WithSummary(summary)
            .AddOpenApiOperationTransformer(ApiDocumentation.DescribeCatalogueFileBody)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    internal static async Task<Results<Ok<CatalogueAdmin.Listing>, ProblemHttpResult>> ListAsync(HttpContext context, ApiKeys keys, CatalogueAdmin admin) =>
        AdminOnly(context, keys) is { } refused ? refused : TypedResults.Ok(await admin.ListAsync());

    internal static async Task<Results<Ok<CatalogueAdmin.Listing>, ProblemHttpResult>> ReplaceAsync(HttpContext context, ApiKeys keys, CatalogueAdmin admin, string file)
    {
        if (AdminOnly(context, keys) is { } refused)
        {
            return refused;
        }

        if (!CatalogueFiles.IsKnownName(file))
        {
            return EventsApi.Problem(StatusCodes.Status400BadRequest, "Tên tệp danh mục không hợp lệ", $"'{file}' không phải tên tệp danh mục.", "campaign");
        }

        if (context.Request.ContentLength > MaxFileBytes)
        {
            return EventsApi.Problem(StatusCodes.Status413PayloadTooLarge, "Tệp quá lớn", $"Giới hạn {MaxFileBytes / (1024 * 1024)} MiB cho một tệp danh mục.");
        }

        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var content = await reader.ReadToEndAsync(context.RequestAborted);
        return await ApplyAsync(context, admin, file, content);
    }

    internal static async Task<Results<Ok<CatalogueAdmin.Listing>, ProblemHttpResult>> RemoveAsync(HttpContext context, ApiKeys keys, CatalogueAdmin admin, string file)
    {
        if (AdminOnly(context, keys) is { } refused)
        {
            return refused;
        }

        if (!(await admin.ListAsync()).Files.Any(f => f.Name == file))
        {
            return EventsApi.Problem(StatusCodes.Status404NotFound, "Không tìm thấy đợt thi đua", $"Không có tệp '{file}'.");
        }

        return await ApplyAsync(context, admin, file, null);
    }

    private static async Task<Results<Ok<CatalogueAdmin.Listing>, ProblemHttpResult>> ApplyAsync(HttpContext context, CatalogueAdmin admin, string file, string? content)
    {
        try
        {
            return TypedResults.Ok(await admin.ReplaceAsync(file, content, context.RequestAborted));
        }
        catch (CatalogueException ex)
        {
            var problem = EventsApi.Problem(StatusCodes.Status400BadRequest, "Danh mục không hợp lệ", ex.Message, ex.Field);
            problem.ProblemDetails.Extensions["file"] = ex.File;
            problem.ProblemDetails.Extensions["line"] = ex.Line;
            return problem;
        }
        catch (StorageUnavailableException)
        {
            context.Response.Headers.RetryAfter = "2";
            return EventsApi.Problem(StatusCodes.Status503ServiceUnavailable, "Kho lưu trữ tạm thời không sẵn sàng", "Gửi lại sau; danh mục chưa được thay.");
        }
    }

    /// <summary>401 without a valid key, 403 for a key that is not the admin's; null for the admin.</summary>
    private static ProblemHttpResult? AdminOnly(HttpContext context, ApiKeys keys)
    {
        var caller = keys.Resolve(context.Request.Headers.Authorization);
        if (caller is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return EventsApi.Problem(StatusCodes.Status401Unauthorized, "Thiếu khóa hoặc khóa không hợp lệ", "Gửi khóa quản trị trong tiêu đề Authorization: Bearer <khóa>.");
        }

        return caller.IsAdmin ? null : EventsApi.Problem(StatusCodes.Status403Forbidden, "Cần khóa quản trị", $"Khóa '{caller.Name}' không được thay danh mục.");
    }
}
