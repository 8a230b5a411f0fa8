using Microsoft.Extensions.Logging;

namespace Leaderboard.Grains.Hosting;

internal sealed partial class SchemaMigrationService
{
    // The reason alone: a stack trace at every attempt buried the one line that says what is wrong.
    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL not reachable for the schema migrations (attempt {Attempt}): {Reason}; waiting")]
    private partial void LogWaiting(string reason, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lưu trữ: PostgreSQL {Host}:{Port}, cơ sở dữ liệu {Database}, người dùng {User}; cụm {ClusterId} (dịch vụ {ServiceId}), {Shards} phân đoạn sổ cái")]
    private partial void LogReady(string host, int port, string database, string user, string clusterId, string serviceId, int shards);
}
