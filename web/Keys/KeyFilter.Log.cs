namespace Leaderboard.Web.Keys;

public sealed partial class KeyFilter
{
    // Never the key, not even a part of it: a failed attempt is told by its path only.
    [LoggerMessage(Level = LogLevel.Information, Message = "Từ chối yêu cầu tới {Path}: thiếu khóa, khóa không tồn tại hoặc đã bị thu hồi")]
    private static partial void LogUnauthorized(ILogger logger, PathString path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Từ chối yêu cầu tới {Path}: khóa {KeyId} không có quyền này")]
    private static partial void LogForbidden(ILogger logger, PathString path, string keyId);
}
