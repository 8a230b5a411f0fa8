using Leaderboard.Grains.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Leaderboard.Web.Hosting;

/// <summary>Tells whoever started the node where it listens, what it stores, and (when generated) the admin key.</summary>
public sealed partial class StartupBanner(
    IServer server,
    IHostApplicationLifetime lifetime,
    AdminKey adminKey,
    IEventJournal journal,
    ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                var url = address.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal);
                LogListening(url);
            }

            if (journal.IsVolatile)
            {
                LogEmbedded();
            }

            if (adminKey.Generated)
            {
                // Straight to the console, never through the logger: a log sink would keep the key.
                Console.Out.WriteLine($"Khóa quản trị (admin key) cho lần chạy này: {adminKey.Value}  — gửi sự kiện với: Authorization: Bearer <khóa>");
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
