using System.Globalization;
using System.Text;

namespace Leaderboard.Importer;

/// <summary>How the importer writes numbers, rows and times for its reader: 20.001, dòng 2–37, 14:05 ngày 10/07/2024.</summary>
internal static class ImportText
{
    /// <summary>Counts and durations as Vietnamese readers write them: 200.000 dòng, 0,2 giây.</summary>
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>
    /// UTF-8 that refuses bytes it cannot read. A file saved in Windows-1258 or TCVN3 (older Vietnamese spreadsheets) used
    /// to be read with replacement characters, and its headers ("Mã hồ sơ") then looked like missing columns.
    /// </summary>
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>What to do with a file that is not UTF-8.</summary>
    public static string NotUtf8(string file) =>
        $"Tệp '{file}' không phải UTF-8: có lẽ đã lưu bằng bảng mã Windows-1258 hoặc TCVN3. "
        + "Mở tệp bằng Excel, chọn Lưu thành (Save As) → \"CSV UTF-8 (Comma delimited)\", rồi chạy lại cùng lệnh.";

    /// <summary>What to do with one line of an otherwise UTF-8 file that is not.</summary>
    public static string NotUtf8At(string file, long line, long position, string statePath) =>
        string.Create(Vietnamese, $"Tệp '{file}' có byte không phải UTF-8 ở dòng {line:N0} (byte thứ {position:N0} của dòng); ")
        + $"các dòng trước đó đọc được, và các lô máy chủ đã xác nhận được ghi ở {statePath}. "
        + "Sửa dòng đó (hoặc xuất lại tệp từ hệ thống một cửa) rồi chạy lại cùng lệnh.";

    /// <summary>Spreadsheet rows (1 is the header), numbered as the rejection report numbers them: "dòng 37", "dòng 28–37".</summary>
    public static string Rows(int first, int last) => first >= last
        ? string.Create(Vietnamese, $"dòng {last:N0}")
        : string.Create(Vietnamese, $"dòng {first:N0}–{last:N0}");

    /// <summary>
    /// "lúc 14:05 ngày 10/07/2024", in Vietnam's time as the export's own times are read (<see cref="RowMapper.VietnamTime"/>),
    /// whatever the clock of the machine the importer runs on.
    /// </summary>
    public static string At(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, RowMapper.VietnamTime());
        return string.Create(CultureInfo.InvariantCulture, $"lúc {local:HH:mm} ngày {local:dd/MM/yyyy}");
    }
}
