using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Leaderboard.Web.Hosting;

internal static class TimeProviderRegistration
{
    /// <summary>The system clock, unless a test registered its own first.</summary>
    public static IServiceCollection TryAddTimeProvider(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
