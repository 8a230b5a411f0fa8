namespace Leaderboard.Importer;

/// <summary>The fields an export row is read as; <c>--map</c> names them.</summary>
public static class Columns
{
    public const string Dossier = "dossier";
    public const string Procedure = "procedure";
    public const string Unit = "unit";
    public const string Channel = "channel";
    public const string ReceivedAt = "receivedAt";
    public const string DueAt = "dueAt";
    public const string FinishedAt = "finishedAt";
    public const string Status = "status";
    public const string Payment = "payment";
    public const string Amount = "amount";
    public const string Method = "method";
    public const string PaidAt = "paidAt";
    public const string PaymentStatus = "paymentStatus";

    /// <summary>The headers of the one-stop-shop system's dossier report (sample-export/README.md).</summary>
    public static IReadOnlyDictionary<string, string> DefaultHeaders { get; } = new Dictionary<string, string>
    {
        [Dossier] = "Mã hồ sơ",
        [Procedure] = "Mã TTHC",
        [Unit] = "Mã đơn vị",
        [Channel] = "Kênh thực hiện",
        [ReceivedAt] = "Ngày tiếp nhận",
        [DueAt] = "Ngày hẹn trả",
        [FinishedAt] = "Ngày kết thúc xử lý",
        [Status] = "Trạng thái",
        [Payment] = "Mã thanh toán",
        [Amount] = "Số tiền",
        [Method] = "Hình thức thanh toán",
        [PaidAt] = "Ngày thanh toán",
        [PaymentStatus] = "Trạng thái thanh toán",
    };

    /// <summary>Without these a row cannot become a receipt.</summary>
    public static IReadOnlyList<string> Required { get; } = [Dossier, Procedure, Unit, Channel, ReceivedAt];

    /// <summary>Read when present; without them some events are not made (<see cref="Status"/> is informative only).</summary>
    public static IReadOnlyList<string> Optional { get; } = [DueAt, FinishedAt, Payment, Amount, Method, PaidAt, PaymentStatus];

    /// <summary>What is not imported when an optional column is missing, said to the user before the import starts.</summary>
    public static string WithoutColumn(string field) => field switch
    {
        DueAt => "hồ sơ không có hạn giải quyết (chỉ tiêu đúng hạn không tính được)",
        FinishedAt => "không có sự kiện hồ sơ giải quyết xong",
        Payment => "không có sự kiện thanh toán nào",
        _ => "mọi dòng có mã thanh toán sẽ bị từ chối hoặc thiếu sự kiện hoàn phí",
    };
}
