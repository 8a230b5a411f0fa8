using System.Globalization;
using System.Text;

namespace Leaderboard.Tests.Toolkit;

/// <summary>
/// A large export on the sample organisation's units and procedures, deterministic, with a second payment row for some
/// dossiers (the dossier columns repeated), quoted statuses, refunds, and rows broken on purpose at known positions.
/// </summary>
public static class ExportGenerator
{
    public const string UnknownUnit = "000.99.12.H37";

    /// <summary>Units and procedures assigned to them (web/SampleData/assignments.csv).</summary>
    private static readonly (string Unit, string Procedure)[] Assignments =
    [
        ("000.07.12.H37", "9.000101"), ("000.07.12.H37", "9.000103"), ("000.06.12.H37", "9.000201"), ("000.06.12.H37", "9.000203"),
        ("000.05.12.H37", "9.000301"), ("000.08.12.H37", "9.000402"), ("000.10.12.H37", "9.000601"), ("000.04.12.H37", "9.000701"),
    ];

    private static readonly string[] Channels = ["Trực tuyến", "Trực tuyến", "Trực tiếp", "BCCI", "Trực tuyến"];
    private static readonly string[] Methods = ["Trực tuyến", "Tiền mặt", "Chuyển khoản", "Trực tuyến"];

    /// <summary>The rows (spreadsheet row = index + 2) and the rows broken on purpose, each with the column the report must name.</summary>
    public static (List<ExportRow> Rows, SortedDictionary<int, string> Broken) Generate(string tag, int count)
    {
        var rows = new List<ExportRow>(count);
        var broken = new SortedDictionary<int, string>();
        var start = new DateTime(2024, 6, 10, 8, 0, 0, DateTimeKind.Unspecified);
        for (var i = 0; rows.Count < count; i++)
        {
            var (unit, procedure) = Assignments[i % Assignments.Length];
            var received = start.AddMinutes(i * 2.5 % (60 * 24 * 150));
            var due = DateOnly.FromDateTime(received).AddDays(7);
            var finished = i % 2 == 0 ? received.AddDays(i % 11).AddHours(3) : (DateTime?)null;
            var dossier = $"{unit}-{tag}-{i:D6}";
            var row = new ExportRow(
                dossier, procedure, unit, Channels[i % Channels.Length], Time(received), Date(due), finished is { } f ? Time(f) : "",
                finished is null ? (i % 4 == 1 ? "Đang xử lý, chờ bổ sung" : "Đang xử lý") : "Đã trả kết quả", "", "", "", "", "");
            var spreadsheetRow = rows.Count + 2;
            switch (i % 9_973)
            {
                case 100:
                    broken[spreadsheetRow] = "Ngày tiếp nhận";
                    rows.Add(row with { ReceivedAt = "31/02/2024 10:00:00", FinishedAt = "", Status = "Đang xử lý" });
                    continue;
                case 200:
                    broken[spreadsheetRow] = "Mã đơn vị";
                    rows.Add(row with { Unit = UnknownUnit, FinishedAt = "", Status = "Đang xử lý" });
                    continue;
                case 300:
                    broken[spreadsheetRow] = "Kênh thực hiện";
                    rows.Add(row with { Channel = "Fax", FinishedAt = "", Status = "Đang xử lý" });
                    continue;
                case 400:
                    broken[spreadsheetRow] = "Số tiền";
                    rows.Add(row with { Payment = $"{dossier}-P1", Amount = "tám mươi nghìn", Method = "Tiền mặt", PaidAt = Time(received.AddHours(1)), PaymentStatus = "Đã thanh toán" });
                    continue;
            }

            if (i % 3 == 0)
            {
                rows.Add(row);
                continue;
            }

            var paid = row with
            {
                Payment = $"{dossier}-P1",
                Amount = (50_000 + (i % 5 * 10_000)).ToString(CultureInfo.InvariantCulture),
                Method = Methods[i % Methods.Length],
                PaidAt = Time(received.AddHours(2)),
                PaymentStatus = i % 17 == 0 ? "Đã hoàn phí" : "Đã thanh toán",
            };
            rows.Add(paid);
            if (i % 50 == 1 && rows.Count < count)
            {
                // A second payment line of the same dossier: the dossier columns repeat.
                rows.Add(paid with { Payment = $"{dossier}-P2", Method = "Trực tuyến", PaymentStatus = "Đã thanh toán" });
            }
        }

        return (rows, broken);
    }

    /// <summary>Writes rows as the one-stop-shop system does: UTF-8 with a byte-order mark, CRLF.</summary>
    public static void Write(string path, IEnumerable<ExportRow> rows)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)) { NewLine = "\r\n" };
        writer.WriteLine(ExportRow.Header);
        foreach (var r in rows)
        {
            writer.WriteLine(r.ToCsv());
        }
    }

    private static string Time(DateTime t) => t.ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Date(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
