namespace Leaderboard.Tests.Toolkit;

/// <summary>One row of a one-stop-shop export, as the tests model it: the source of both the CSV and the expected totals.</summary>
public sealed record ExportRow(
    string Dossier,
    string Procedure,
    string Unit,
    string Channel,
    string ReceivedAt,
    string DueAt,
    string FinishedAt,
    string Status,
    string Payment,
    string Amount,
    string Method,
    string PaidAt,
    string PaymentStatus)
{
    public const string Header =
        "Mã hồ sơ,Mã TTHC,Mã đơn vị,Kênh thực hiện,Ngày tiếp nhận,Ngày hẹn trả,Ngày kết thúc xử lý,Trạng thái,Mã thanh toán,Số tiền,Hình thức thanh toán,Ngày thanh toán,Trạng thái thanh toán";

    /// <summary>Reads an unquoted export line (the sample export has no quoted fields).</summary>
    public static ExportRow Parse(string line)
    {
        var f = line.Split(',');
        return new(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11], f[12]);
    }

    public string ToCsv() => string.Join(',', new[]
    {
        Dossier, Procedure, Unit, Channel, ReceivedAt, DueAt, FinishedAt, Status, Payment, Amount, Method, PaidAt, PaymentStatus,
    }.Select(v => v.Contains(',', StringComparison.Ordinal) || v.Contains('"', StringComparison.Ordinal) ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v));
}
