namespace Leaderboard.Web.Hubs;

/// <summary>
/// Why an <c>UploadEvents</c> stream failed. Each message starts with the HTTP status an HTTP upload would have
/// answered, so a client can tell a retryable failure (503) from a wrong key (401, 403) without parsing the prose.
/// </summary>
public static class UploadErrors
{
    public const string Unauthorized =
        "401: Thiếu khóa hoặc khóa không hợp lệ. Gửi khóa khi kết nối: accessTokenFactory (tiêu đề Authorization: Bearer <khóa>, hoặc tham số access_token của WebSocket).";

    public const string Unavailable =
        "503: Kho lưu trữ tạm thời không sẵn sàng. Gửi lại các sự kiện chưa được xác nhận: sự kiện đã lưu sẽ được báo là trùng lặp.";

    public static string Forbidden(string keyName) => $"403: Khóa '{keyName}' không được phép gửi sự kiện.";
}
