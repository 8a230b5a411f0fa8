using System.Globalization;

namespace Leaderboard.Importer;

/// <summary>The command line: <c>--file</c>, <c>--url</c>, <c>--key</c> (or LEADERBOARD_KEY), <c>--map</c>, <c>--state</c>, <c>--report</c>, <c>--batch</c>, <c>--retries</c>.</summary>
public sealed record ImportOptions(string File, Uri Url, string Key, ColumnMap Columns, string StatePath, string ReportPath, int BatchSize, int Retries = ImportOptions.DefaultRetries)
{
    public const string KeyVariable = "LEADERBOARD_KEY";

    /// <summary>Retries of a batch the server did not take (default 8, about 35 seconds of waiting).</summary>
    public const int DefaultRetries = 8;

    public const string Usage = """
        Nhập tệp CSV xuất từ hệ thống một cửa vào bảng xếp hạng thi đua.

        leaderboard-import --file ho-so-2024.csv --url http://localhost:5000 --key <khóa>
                           [--map "Mã hồ sơ=dossier,..." | --map cot.json] [--state tep.import-state.json]
                           [--report tep.rejected.csv] [--batch 1000] [--retries 8]

          --file    tệp CSV (UTF-8, có hoặc không có BOM; dấu phẩy hoặc chấm phẩy)
          --url     địa chỉ máy chủ
          --key     khóa tích hợp; nên đặt trong biến môi trường LEADERBOARD_KEY thay vì dòng lệnh
          --map     đổi tên cột: "Tên cột=trường" (trường: dossier, procedure, unit, channel, receivedAt, dueAt,
                    finishedAt, status, payment, amount, method, paidAt, paymentStatus) hoặc tệp JSON {"Tên cột": "trường"}
          --state   tệp điểm dừng (mặc định: <file>.import-state.json); chạy lại sẽ tiếp tục từ dòng đã được xác nhận
          --report  báo cáo các dòng bị từ chối (mặc định: <file>.rejected.csv)
          --batch   số sự kiện mỗi lần gửi (mặc định 1000)
          --retries số lần gửi lại một lô khi máy chủ chưa nhận (mặc định 8, chờ khoảng 35 giây; mỗi lần chờ gấp
                    đôi, tối đa 30 giây: 100 lần là gần một giờ)

        Cột mặc định (trường): Mã hồ sơ (dossier), Mã TTHC (procedure), Mã đơn vị (unit), Kênh thực hiện (channel),
        Ngày tiếp nhận (receivedAt) là bắt buộc; Ngày hẹn trả (dueAt), Ngày kết thúc xử lý (finishedAt), Trạng thái
        (status, chỉ để tham khảo), Mã thanh toán (payment), Số tiền (amount), Hình thức thanh toán (method), Ngày thanh
        toán (paidAt), Trạng thái thanh toán (paymentStatus) được đọc khi có; thiếu cột nào sẽ được cảnh báo trước khi nhập.
          ngày         dd/MM/yyyy HH:mm:ss, dd/MM/yyyy HH:mm hoặc dd/MM/yyyy (giờ Việt Nam)
          kênh         Trực tuyến, Trực tiếp, BCCI (Bưu chính công ích)
          hình thức    Trực tuyến, Tiền mặt, Chuyển khoản
          số tiền      số đồng nguyên: 80000, 80.000, 80,000 hoặc 80.000,00 (phần lẻ khác 0 bị từ chối)
          trạng thái   Đã thanh toán (hoặc để trống); Đã hoàn phí, Hủy thanh toán (thêm sự kiện hoàn phí);
          thanh toán   Chưa thanh toán, Chờ thanh toán (không tạo sự kiện thanh toán); giá trị khác bị từ chối

        Mã thoát: 0 thành công, 1 có dòng bị từ chối (xem báo cáo), 2 lỗi không thể tiếp tục.
        """;

    public static ImportOptions Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string value;
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (name.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                value = name[(eq + 1)..];
                name = name[..eq];
            }
            else if (name.StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                throw new ImportException($"Tham số '{name}' không hợp lệ.");
            }

            if (name is not ("--file" or "--url" or "--key" or "--map" or "--state" or "--report" or "--batch" or "--retries"))
            {
                throw new ImportException($"Không có tham số '{name}'.");
            }

            values[name] = value;
        }

        var file = values.GetValueOrDefault("--file") ?? throw new ImportException("Thiếu --file.");
        var url = values.GetValueOrDefault("--url") ?? throw new ImportException("Thiếu --url.");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            throw new ImportException($"--url '{url}' không phải địa chỉ http(s).");
        }

        var key = values.GetValueOrDefault("--key") ?? environment(KeyVariable);
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new ImportException($"Thiếu khóa: --key hoặc biến môi trường {KeyVariable}.");
        }

        var batch = 1_000;
        if (values.TryGetValue("--batch", out var b) && (!int.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out batch) || batch is < 1 or > 50_000))
        {
            throw new ImportException("--batch phải là số nguyên từ 1 đến 50000.");
        }

        var retries = DefaultRetries;
        if (values.TryGetValue("--retries", out var r) && (!int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out retries) || retries > 1_000))
        {
            throw new ImportException("--retries phải là số nguyên từ 0 đến 1000.");
        }

        return new ImportOptions(
            file,
            address,
            key,
            ColumnMap.Parse(values.GetValueOrDefault("--map")),
            values.GetValueOrDefault("--state") ?? file + ".import-state.json",
            values.GetValueOrDefault("--report") ?? file + ".rejected.csv",
            batch,
            retries);
    }
}
