using System.Net.Sockets;
using Leaderboard.Abstractions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Leaderboard.Web.Hosting;

/// <summary>
/// Answers 503 with Retry-After, never 500, when a request fails because a part of the system is briefly away:
/// PostgreSQL down (a grain that needs its snapshot or the journal to activate), a silo that died with the request
/// in flight, or a call that timed out while the cluster noticed. A retry is safe (events are idempotent by id).
/// Anything else is left to the default handler: a real defect should stay a 500.
/// </summary>
internal sealed partial class TransientFailureHandler(IProblemDetailsService problems, ILogger<TransientFailureHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsTransient(exception) || httpContext.Response.HasStarted)
        {
            return false;
        }

        LogTransient(exception, httpContext.Request.Method, httpContext.Request.Path);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "2";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Hệ thống tạm thời không sẵn sàng",
                Detail = "Kho lưu trữ hoặc một nút của cụm tạm thời không trả lời; gửi lại sau. Sự kiện đã lưu sẽ được báo là trùng lặp.",
            },
        });
    }

    internal static bool IsTransient(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is StorageUnavailableException or TimeoutException or SiloUnavailableException or OrleansMessageRejectionException
                or NpgsqlException or SocketException)
            {
                return true;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsTransient))
            {
                return true;
            }
        }

        return false;
    }
}
