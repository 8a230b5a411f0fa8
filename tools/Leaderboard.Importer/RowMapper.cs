using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Leaderboard.Client;

namespace Leaderboard.Importer;

/// <summary>
/// Turns export rows into events with ids derived from the row's identity (dossier, payment), so that importing the
/// same export again, whole or after an interruption, only ever yields duplicates. A dossier with several payment rows
/// repeats its dossier columns: its receipt and finish are emitted once per run.
/// </summary>
public sealed class RowMapper(ColumnMap columns, TimeZoneInfo timeZone)
{
    private const int MaxIdLength = 128;

    private static readonly string[] DateTimeFormats = ["dd/MM/yyyy HH:mm:ss", "d/M/yyyy H:mm:ss", "dd/MM/yyyy HH:mm", "d/M/yyyy H:mm"];
    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy"];

    private static readonly Dictionary<string, string> Channels = Lookup(
        ("Trực tuyến", "online"), ("Trực tiếp", "direct"), ("BCCI", "postal"), ("Bưu chính công ích", "postal"),
        ("online", "online"), ("direct", "direct"), ("postal", "postal"));

    private static readonly Dictionary<string, string> Methods = Lookup(
        ("Trực tuyến", "online"), ("Tiền mặt", "cash"), ("Chuyển khoản", "transfer"),
        ("online", "online"), ("cash", "cash"), ("transfer", "transfer"));

    /// <summary>
    /// Payment statuses: paid, paid then refunded or cancelled (a refund too), or not paid (no event). Both placements of
    /// the tone mark ("Hủy", "Huỷ") are in use. An empty status with a payment date is read as paid, as the export's
    /// payment rows carry one; any other value is refused rather than guessed.
    /// </summary>
    private static readonly Dictionary<string, PaymentStatus> PaymentStatuses = new[]
    {
        ("Đã thanh toán", PaymentStatus.Paid), ("", PaymentStatus.Paid),
        ("Đã hoàn phí", PaymentStatus.Refunded), ("Đã hoàn tiền", PaymentStatus.Refunded),
        ("Hủy thanh toán", PaymentStatus.Refunded), ("Huỷ thanh toán", PaymentStatus.Refunded),
        ("Đã hủy", PaymentStatus.Refunded), ("Đã huỷ", PaymentStatus.Refunded),
        ("Chưa thanh toán", PaymentStatus.Unpaid), ("Chờ thanh toán", PaymentStatus.Unpaid),
        ("Thanh toán không thành công", PaymentStatus.Unpaid), ("Thanh toán thất bại", PaymentStatus.Unpaid),
    }.ToDictionary(p => ColumnMap.Normalize(p.Item1), p => p.Item2, StringComparer.Ordinal);

    private readonly HashSet<string> _emitted = new(StringComparer.Ordinal);

    /// <summary>The time zone of the export's dates: Asia/Ho_Chi_Minh.</summary>
    public static TimeZoneInfo VietnamTime()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        }
        catch (TimeZoneNotFoundException)
        {
            // Without time-zone data: Vietnam has kept UTC+7, without daylight saving, since 1975.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", TimeSpan.FromHours(7), "Giờ Việt Nam", "Giờ Việt Nam");
        }
    }

    /// <summary>The events of one row, and what in it could not be read.</summary>
    public (List<RowEvent> Events, List<RowError> Errors) Map(int row, IReadOnlyList<string> record)
    {
        var events = new List<RowEvent>(4);
        var errors = new List<RowError>();
        var dossier = columns.Value(record, Columns.Dossier);
        var unit = columns.Value(record, Columns.Unit);
        if (dossier.Length == 0)
        {
            errors.Add(Error(row, Columns.Dossier, "dossier", "Thiếu mã hồ sơ."));
        }

        if (unit.Length == 0)
        {
            errors.Add(Error(row, Columns.Unit, "unit", "Thiếu mã đơn vị."));
        }

        if (errors.Count > 0)
        {
            return (events, errors);
        }

        var dueAt = Due(row, record, errors);
        var received = Time(row, record, Columns.ReceivedAt, "occurredAt", required: true, errors);
        var procedure = columns.Value(record, Columns.Procedure);
        if (procedure.Length == 0)
        {
            errors.Add(Error(row, Columns.Procedure, "procedure", "Thiếu mã thủ tục hành chính."));
        }

        var channel = Translate(row, record, Columns.Channel, "channel", Channels, "kênh thực hiện", errors);
        if (received is not null && procedure.Length > 0 && channel is not null)
        {
            Emit(events, row, new EventBody
            {
                Id = Id(dossier, "received"),
                Type = EventTypes.DossierReceived,
                OccurredAt = received,
                Unit = unit,
                Dossier = dossier,
                Procedure = procedure,
                Channel = channel,
                DueAt = dueAt,
            });
        }

        if (Time(row, record, Columns.FinishedAt, "occurredAt", required: false, errors) is { } finished)
        {
            Emit(events, row, new EventBody
            {
                Id = Id(dossier, "finished"),
                Type = EventTypes.DossierFinished,
                OccurredAt = finished,
                Unit = unit,
                Dossier = dossier,
                DueAt = dueAt,
            });
        }

        var payment = columns.Value(record, Columns.Payment);
        if (payment.Length > 0)
        {
            MapPayment(row, record, dossier, unit, payment, events, errors);
        }

        return (events, errors);
    }

    private void MapPayment(int row, IReadOnlyList<string> record, string dossier, string unit, string payment, List<RowEvent> events, List<RowError> errors)
    {
        var statusText = columns.Value(record, Columns.PaymentStatus);
        if (!PaymentStatuses.TryGetValue(ColumnMap.Normalize(statusText), out var status))
        {
            errors.Add(Error(row, Columns.PaymentStatus, Columns.PaymentStatus, $"'{statusText}' không phải trạng thái thanh toán đã biết (Đã thanh toán, Đã hoàn phí, Hủy thanh toán, Chưa thanh toán)."));
            return;
        }

        if (status == PaymentStatus.Unpaid)
        {
            // Not paid (yet): nothing happened that events.md has a fact for.
            return;
        }

        var paidAt = Time(row, record, Columns.PaidAt, "occurredAt", required: true, errors);
        var amount = Amount(row, record, errors);
        var method = Translate(row, record, Columns.Method, "method", Methods, "hình thức thanh toán", errors);
        var id = Id(dossier, "payment:" + payment);
        if (paidAt is not null && amount is not null && method is not null)
        {
            Emit(events, row, new EventBody
            {
                Id = id,
                Type = EventTypes.PaymentCompleted,
                OccurredAt = paidAt,
                Unit = unit,
                Dossier = dossier,
                Payment = payment,
                Amount = amount,
                Method = method,
            });
        }

        // The export has no refund date: the refund is dated with the payment (its order does not matter, events.md).
        if (paidAt is not null && status == PaymentStatus.Refunded)
        {
            Emit(events, row, new EventBody
            {
                Id = Id(dossier, "payment:" + payment + ":refund"),
                Type = EventTypes.PaymentRefunded,
                OccurredAt = paidAt,
                Unit = unit,
                Dossier = dossier,
                Payment = payment,
            });
        }
    }

    private void Emit(List<RowEvent> events, int row, EventBody e)
    {
        if (_emitted.Add(e.Id))
        {
            events.Add(new RowEvent(row, e));
        }
    }

    /// <summary><c>import:&lt;dossier&gt;:&lt;what&gt;</c>; an id too long for the server keeps its prefix and hashes the rest.</summary>
    /// <summary>
    /// The id of an event whose row changed since its first import: its first id and a digest of its content, so the
    /// same correction always gets the same id (within 128 characters: hashed whole when longer).
    /// </summary>
    public static string CorrectionId(EventBody e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var digest = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(e with { Id = "" })).AsSpan(0, 8));
        var id = $"{e.Id}~{digest}";
        return id.Length <= MaxIdLength ? id : $"import:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))}";
    }

    private static string Id(string dossier, string what)
    {
        var id = $"import:{dossier}:{what}";
        if (id.Length <= MaxIdLength)
        {
            return id;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
        return $"import:{hash}";
    }

    private string? Time(int row, IReadOnlyList<string> record, string column, string field, bool required, List<RowError> errors)
    {
        var text = columns.Value(record, column);
        if (text.Length == 0)
        {
            if (required)
            {
                errors.Add(Error(row, column, field, $"Thiếu {columns.HeaderOf(column)}."));
            }

            return null;
        }

        if (!DateTime.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            && !DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out local))
        {
            errors.Add(Error(row, column, field, $"'{text}' không phải ngày giờ dạng dd/MM/yyyy HH:mm:ss."));
            return null;
        }

        return EventBody.FormatTime(new DateTimeOffset(local, timeZone.GetUtcOffset(local)));
    }

    private string? Due(int row, IReadOnlyList<string> record, List<RowError> errors)
    {
        var text = columns.Value(record, Columns.DueAt);
        if (text.Length == 0)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return EventBody.FormatDate(date);
        }

        if (DateTime.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return EventBody.FormatTime(new DateTimeOffset(local, timeZone.GetUtcOffset(local)));
        }

        errors.Add(Error(row, Columns.DueAt, "dueAt", $"'{text}' không phải ngày dạng dd/MM/yyyy."));
        return null;
    }

    private long? Amount(int row, IReadOnlyList<string> record, List<RowError> errors)
    {
        var text = columns.Value(record, Columns.Amount);
        switch (ReadAmount(text))
        {
            case > 0 and var amount:
                return amount;
            case FractionalAmount:
                errors.Add(Error(row, Columns.Amount, "amount", $"'{text}' có phần lẻ của đồng; số tiền phải là số đồng nguyên."));
                return null;
            default:
                errors.Add(Error(row, Columns.Amount, "amount", text.Length == 0 ? "Thiếu số tiền." : $"'{text}' không phải số tiền (đồng) hợp lệ."));
                return null;
        }
    }

    /// <summary>Returned by <see cref="ReadAmount"/> for an amount with a non-zero part below one đồng.</summary>
    private const long FractionalAmount = -2;

    /// <summary>
    /// Whole đồng as spreadsheets write them: <c>80000</c>, grouped by thousands with dots (vi-VN, <c>80.000</c>), commas
    /// or spaces, and with a decimal part of zeros (<c>80000.00</c>, <c>80.000,00</c>). A separator followed by one or
    /// two digits is the decimal one; by three, a grouping one. -1 when the text is not an amount.
    /// </summary>
    private static long ReadAmount(string text)
    {
        var s = text.Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal);
        var whole = s;
        var last = s.LastIndexOfAny(['.', ',']);
        char? decimalSeparator = null;
        if (last >= 0 && s.Length - last - 1 is 1 or 2)
        {
            decimalSeparator = s[last];
            var fraction = s[(last + 1)..];
            if (!fraction.All(char.IsAsciiDigit))
            {
                return -1;
            }

            whole = s[..last];
            if (fraction.Any(c => c != '0'))
            {
                return whole.Length > 0 && GroupedDigits(whole, decimalSeparator) is not null ? FractionalAmount : -1;
            }
        }

        return GroupedDigits(whole, decimalSeparator) is { Length: > 0 and <= 13 } digits
            && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) ? amount : -1;
    }

    /// <summary>The digits of a whole number written plain or grouped by thousands with one separator (not the decimal one).</summary>
    private static string? GroupedDigits(string whole, char? decimalSeparator)
    {
        if (whole.Length > 0 && whole.All(char.IsAsciiDigit))
        {
            return whole;
        }

        var separator = whole.FirstOrDefault(c => !char.IsAsciiDigit(c));
        if (separator is not ('.' or ',') || separator == decimalSeparator)
        {
            return null;
        }

        var groups = whole.Split(separator);
        return groups[0].Length is >= 1 and <= 3 && groups[0].All(char.IsAsciiDigit) && groups.Skip(1).All(g => g.Length == 3 && g.All(char.IsAsciiDigit))
            ? string.Concat(groups)
            : null;
    }

    private string? Translate(int row, IReadOnlyList<string> record, string column, string field, Dictionary<string, string> values, string what, List<RowError> errors)
    {
        var text = columns.Value(record, column);
        if (values.TryGetValue(ColumnMap.Normalize(text), out var value))
        {
            return value;
        }

        errors.Add(Error(row, column, field, text.Length == 0 ? $"Thiếu {what}." : $"'{text}' không phải {what} đã biết."));
        return null;
    }

    private RowError Error(int row, string column, string field, string error) => new(row, columns.HeaderOf(column), field, error);

    private static Dictionary<string, string> Lookup(params (string Text, string Value)[] pairs) =>
        pairs.ToDictionary(p => ColumnMap.Normalize(p.Text), p => p.Value, StringComparer.Ordinal);
}
