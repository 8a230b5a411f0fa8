using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;

namespace Leaderboard.Web.Hubs;

/// <summary>Hosting's application, seeing each request only once its <c>access_token</c> query value is gone.</summary>
public sealed class AccessTokenRedactingApplication<TContext>(IHttpApplication<TContext> inner, PathString hubPaths) : IHttpApplication<TContext>
    where TContext : notnull
{
    public TContext CreateContext(IFeatureCollection contextFeatures)
    {
        if (contextFeatures.Get<IHttpRequestFeature>() is { } request)
        {
            AccessTokenRedaction.Redact(request, hubPaths);
        }

        return inner.CreateContext(contextFeatures);
    }

    public Task ProcessRequestAsync(TContext context) => inner.ProcessRequestAsync(context);

    public void DisposeContext(TContext context, Exception? exception) => inner.DisposeContext(context, exception);
}
