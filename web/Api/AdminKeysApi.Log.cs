using Leaderboard.Web.Keys;

namespace Leaderboard.Web.Api;

public static partial class AdminKeysApi
{
    // The key's id and name identify it in logs; the key itself is never logged.
    [LoggerMessage(Level = LogLevel.Information, Message = "Đã tạo khóa {KeyId} ({Name}, loại {Kind})")]
    private static partial void LogCreated(ILogger logger, string keyId, string name, KeyKind kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Đã thu hồi khóa {KeyId}")]
    private static partial void LogRevoked(ILogger logger, string keyId);
}
