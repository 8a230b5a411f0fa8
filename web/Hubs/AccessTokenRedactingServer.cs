using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;

namespace Leaderboard.Web.Hubs;

/// <summary>The real server, handing every request to hosting only after <see cref="AccessTokenRedaction.Redact"/>.</summary>
public sealed class AccessTokenRedactingServer(IServer inner, PathString hubPaths) : IServer
{
    public IFeatureCollection Features => inner.Features;

    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
        where TContext : notnull =>
        inner.StartAsync(new AccessTokenRedactingApplication<TContext>(application, hubPaths), cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => inner.StopAsync(cancellationToken);

    public void Dispose() => inner.Dispose();
}
