using Leaderboard.Grains.Storage;
using Leaderboard.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Leaderboard.Web.Api;

/// <summary>Liveness, and readiness: storage reachable and, after a start, every journaled event applied.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/health").WithTags("Health");
        group.MapGet("/live", () => TypedResults.Ok(new { status = "live" })).WithName("Live").WithSummary("Nút đang chạy — liveness");
        group.MapGet("/ready", ReadyAsync)
            .WithName("Ready")
            .WithSummary("Sẵn sàng: kho lưu trữ truy cập được và đã áp dụng mọi sự kiện đã lưu — readiness")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    internal static async Task<Results<Ok<object>, ProblemHttpResult>> ReadyAsync(Readiness readiness, IEventJournal journal, HttpContext context, CancellationToken cancellationToken)
    {
        if (!await journal.IsAvailableAsync(cancellationToken))
        {
            context.Response.Headers.RetryAfter = "2";
            return EventsApi.Problem(StatusCodes.Status503ServiceUnavailable, "Kho lưu trữ không truy cập được", "PostgreSQL không trả lời.");
        }

        if (!readiness.Replayed)
        {
            context.Response.Headers.RetryAfter = "1";
            return EventsApi.Problem(StatusCodes.Status503ServiceUnavailable, "Đang nạp lại nhật ký sự kiện", "Nút chưa áp dụng xong các sự kiện đã lưu.");
        }

        return TypedResults.Ok<object>(new { status = "ready" });
    }
}
