using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Leaderboard.Web.Hubs;

/// <summary>
/// Keys never reach a log. Browsers' WebSockets cannot send headers, so SignalR clients put the key in the
/// <c>access_token</c> query value, and ASP.NET Core logs every request's query ("Request starting …") before any
/// middleware runs. So the value is taken out of the request as the server hands it over, before hosting sees it: on
/// the hub's paths it becomes the <c>Authorization: Bearer</c> header (unless the request has one), everywhere else it
/// is dropped. Nothing downstream ever sees it in a query string.
/// </summary>
public static class AccessTokenRedaction
{
    public const string QueryName = "access_token";

    /// <summary>Wraps the registered <see cref="IServer"/> (Kestrel); call after the web host's defaults are in place.</summary>
    public static IServiceCollection AddAccessTokenRedaction(this IServiceCollection services, PathString hubPaths)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IServer))
            ?? throw new InvalidOperationException("No IServer is registered yet; add the access-token redaction after the web host's defaults.");
        services.Remove(registered);
        services.AddSingleton<IServer>(sp => new AccessTokenRedactingServer(Create(sp, registered), hubPaths));
        return services;
    }

    /// <summary>Moves or drops the <c>access_token</c> query value of one request; true when it was there.</summary>
    public static bool Redact(IHttpRequestFeature request, PathString hubPaths)
    {
        var query = request.QueryString;
        if (query.IndexOf(QueryName, StringComparison.OrdinalIgnoreCase) < 0)
        {
            return false;
        }

        var values = QueryHelpers.ParseQuery(query);
        var found = false;
        var token = StringValues.Empty;
        var kept = new List<KeyValuePair<string, string?>>();
        foreach (var (name, value) in values)
        {
            if (string.Equals(name, QueryName, StringComparison.OrdinalIgnoreCase))
            {
                found = true;
                token = value;
                continue;
            }

            foreach (var v in value)
            {
                kept.Add(new(name, v));
            }
        }

        if (!found)
        {
            return false;
        }

        var rebuilt = QueryString.Create(kept).ToUriComponent();
        request.QueryString = rebuilt;
        var target = request.RawTarget;
        var question = target.IndexOf('?', StringComparison.Ordinal);
        request.RawTarget = (question < 0 ? target : target[..question]) + rebuilt;

        var path = new PathString(request.PathBase).Add(new PathString(request.Path));
        if (path.StartsWithSegments(hubPaths) && !request.Headers.ContainsKey("Authorization") && token.Count > 0)
        {
            request.Headers.Authorization = "Bearer " + token[^1];
        }

        return true;
    }

    private static IServer Create(IServiceProvider services, ServiceDescriptor registered) =>
        registered.ImplementationInstance as IServer
        ?? registered.ImplementationFactory?.Invoke(services) as IServer
        ?? (IServer)ActivatorUtilities.CreateInstance(services, registered.ImplementationType!);
}
