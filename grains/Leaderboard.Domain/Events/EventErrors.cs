namespace Leaderboard.Domain.Events;

/// <summary>The rejection messages: short, Vietnamese, shown to integrators as they are.</summary>
internal static class EventErrors
{
    public const string NotJson = "không phải JSON hợp lệ";
    public const string NotUtf8 = "không phải UTF-8 hợp lệ";
    public const string NotObject = "phải là một đối tượng JSON";
    public const string TooDeep = "lồng quá sâu";
    public const string Duplicate = "trường bị lặp lại";
    public const string Missing = "thiếu trường bắt buộc";
    public const string NotString = "phải là chuỗi";
    public const string InvalidText = "chuỗi chứa ký tự Unicode không hợp lệ";
    public const string Control = "không được chứa ký tự điều khiển";
    public const string Blank = "không được để trống";
    public const string Type = "giá trị không hợp lệ: phải là dossier.received, dossier.finished, dossier.voided, payment.completed hoặc payment.refunded";
    public const string DateTimeFormat = "không đúng dạng YYYY-MM-DDThh:mm[:ss[.phần lẻ giây]] kèm Z hoặc ±hh:mm";
    public const string DateTimeNotReal = "ngày giờ không có thật";
    public const string Offset = "độ lệch múi giờ phải trong khoảng ±14:00";
    public const string Future = "ở tương lai quá 5 phút";
    public const string UnknownUnit = "không phải một đơn vị đã biết";
    public const string UnknownProcedure = "không phải một thủ tục đã biết";
    public const string Channel = "giá trị không hợp lệ: phải là online, direct hoặc postal";
    public const string Method = "giá trị không hợp lệ: phải là online, cash hoặc transfer";
    public const string NotNumber = "phải là một số";
    public const string NotInteger = "phải là số nguyên";
    public const string AmountRange = "phải từ 1 đến 1000000000000";
    public const string DueAtType = "phải là chuỗi hoặc null";
    public const string DueAtFormat = "phải là ngày YYYY-MM-DD hoặc ngày giờ dạng của occurredAt";

    /// <summary>Where in the line (or the value) the JSON broke, counting bytes from 1.</summary>
    public static string NotJsonAt(long bytePosition) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{NotJson} (lỗi ở byte {bytePosition + 1} của dòng)");

    public static string Length(int max) => max switch
    {
        64 => "độ dài phải từ 1 đến 64 ký tự",
        128 => "độ dài phải từ 1 đến 128 ký tự",
        1000 => "độ dài phải từ 1 đến 1000 ký tự",
        _ => $"độ dài phải từ 1 đến {max} ký tự",
    };
}
