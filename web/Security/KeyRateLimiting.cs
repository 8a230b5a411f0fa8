using System.Globalization;
using System.Threading.RateLimiting;
using Leaderboard.Web.Ingestion;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Leaderboard.Web.Security;

/// <summary>
/// The <see cref="Policy"/> rate-limiting policy: one token bucket per key (<see cref="KeyRateLimiter"/>, shared with hub
/// uploads), 429 with <c>Retry-After</c> and problem details when it is empty. Requests without a valid key are not
/// limited here: they are answered 401 at once.
/// </summary>
public static class KeyRateLimiting
{
    public const string Policy = "per-key";

    public static IServiceCollection AddKeyRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .Validate(o => o.RequestsPerSecond is >= 1 and <= 1_000_000, "Leaderboard:RateLimit:RequestsPerSecond phải từ 1 đến 1.000.000.")
            .Validate(o => o.Burst is >= 1 and <= 1_000_000, "Leaderboard:RateLimit:Burst phải từ 1 đến 1.000.000.")
            .ValidateOnStart();
        services.AddSingleton<KeyRateLimiter>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectAsync;
            o.AddPolicy(Policy, Partition);
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        var limiter = context.RequestServices.GetRequiredService<KeyRateLimiter>();
        var caller = context.RequestServices.GetRequiredService<ApiKeys>().Resolve(context.Request.Headers.Authorization);
        if (caller is null || !limiter.Limits(caller))
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        // The key's bucket is the one hub uploads take from too.
        return RateLimitPartition.Get(caller.Id, _ => limiter.For(caller));
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        var http = context.HttpContext;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Type = "https://tools.ietf.org/html/rfc6585#section-4",
                Title = "Quá nhiều yêu cầu",
                Detail = $"Khóa này đã dùng hết hạn mức yêu cầu; gửi lại sau {seconds} giây.",
            },
        });
    }
}
