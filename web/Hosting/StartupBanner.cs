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
                LogAdminKey(adminKey.Value);
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Bảng xếp hạng thi đua đang chạy tại {Url}  (wall display: {Url}/wall)")]
    private partial void LogListening(string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chế độ nhúng (embedded): sự kiện chỉ được giữ trong bộ nhớ và mất khi dừng tiến trình. Đặt ConnectionStrings:Leaderboard để dùng PostgreSQL.")]
    private partial void LogEmbedded();

    [LoggerMessage(Level = LogLevel.Information, Message = "Khóa quản trị (admin key) cho lần chạy này: {AdminKey}  — gửi sự kiện với: Authorization: Bearer <khóa>")]
    private partial void LogAdminKey(string adminKey);
}
