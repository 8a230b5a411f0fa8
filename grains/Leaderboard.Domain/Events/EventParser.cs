using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Leaderboard.Domain.Events;

/// <summary>
/// Validates one event against events.md and maps it to a <see cref="DossierEvent"/>. Fields are checked in a
/// fixed order (object, duplicate names, id, type, occurredAt, unit, dossier, then the type's fields) and the
/// first failing one is reported. Never throws for any input: a rejection names the field instead.
/// </summary>
public sealed class EventParser
{
    /// <summary>How far ahead of the server clock an event may be dated (clock skew of the sender).</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    public const int MaxIdLength = 128;
    public const int MaxCodeLength = 64;
    public const int MaxReasonLength = 1000;

    private const string Body = "body";
    private const long MaxAmount = 1_000_000_000_000;

    /// <summary>Dates and date-times are read as ASCII of at most this many bytes.</summary>
    private const int MaxAsciiValue = 64;

    /// <summary>The most bytes one character takes in a JSON string: <c>\uXXXX</c>.</summary>
    private const int MaxEscapedLength = 6;

    /// <summary>The longest field name looked up (<c>occurredAt</c>).</summary>
    private const int MaxFieldName = 10;

    /// <summary>Unit and procedure codes up to this many characters are looked up without making a string.</summary>
    private const int MaxLookupChars = 64;

    private static readonly JsonDocumentOptions LineOptions = new() { MaxDepth = 64 };

    private readonly Catalogue.Catalogue _catalogue;
    private readonly TimeProvider _time;

    public EventParser(Catalogue.Catalogue catalogue, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(time);
        _catalogue = catalogue;
        _time = time;
    }

    /// <summary>Validates one element of a JSON array; <see cref="ParsedEvent.Content"/> is its raw text.</summary>
    public ParseOutcome Parse(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return Reject(null, Body, EventErrors.NotObject);
        }

        if (!Utf8.IsValid(JsonMarshal.GetRawUtf8Value(element)))
        {
            return Reject(null, Body, EventErrors.NotUtf8);
        }

        return ParseObject(element);
    }

    /// <summary>Validates one NDJSON line: anything but exactly one JSON value in valid UTF-8 is rejected as <c>"body"</c>.</summary>
    public ParseOutcome ParseLine(ReadOnlySpan<byte> utf8Line)
    {
        if (utf8Line.StartsWith("\uFEFF"u8))
        {
            utf8Line = utf8Line[3..];
        }

        if (!Utf8.IsValid(utf8Line))
        {
            return Reject(null, Body, EventErrors.NotUtf8);
        }

        var rented = ArrayPool<byte>.Shared.Rent(Math.Max(utf8Line.Length, 1));
        try
        {
            utf8Line.CopyTo(rented);
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(rented.AsMemory(0, utf8Line.Length), LineOptions);
            }
            catch (JsonException)
            {
                return Reject(null, Body, EventErrors.NotJson);
            }

            using (document)
            {
                // The line was checked to be UTF-8 whole, so the object needs no second look.
                var root = document.RootElement;
                return root.ValueKind == JsonValueKind.Object ? ParseObject(root) : Reject(null, Body, EventErrors.NotObject);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Maps stored content (accepted earlier) back to its event for journal replay: the same mapping, without the
    /// catalogue and clock checks, so that a later catalogue or clock cannot drop history.
    /// </summary>
    /// <exception cref="FormatException">The content is not an event.</exception>
    public static DossierEvent ParseStored(string content, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(timeZone);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content);
        }
        catch (JsonException ex)
        {
            throw new FormatException("stored event is not valid JSON", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("stored event is not a JSON object");
            }

            return Map(document.RootElement, null, timeZone, null, out var rejection)
                ?? throw new FormatException($"stored event is invalid: {rejection!.Field}: {rejection.Error}");
        }
    }

    /// <summary>SHA-256 of the canonical form of <paramref name="element"/> (see <see cref="CanonicalWriter"/>).</summary>
    /// <exception cref="ArgumentException">An object repeats a property name, or the value nests too deep.</exception>
    public static byte[] CanonicalHash(JsonElement element)
    {
        var hash = new byte[32];
        return CanonicalWriter.TryHash(element, hash, out var duplicate) switch
        {
            CanonicalStatus.Ok => hash,
            CanonicalStatus.DuplicateProperty => throw new ArgumentException($"duplicate property name: {duplicate}", nameof(element)),
            _ => throw new ArgumentException("the value nests too deep", nameof(element)),
        };
    }

    /// <summary>Validates an object already known to be valid UTF-8.</summary>
    private ParseOutcome ParseObject(JsonElement element)
    {
        var hash = new byte[32];
        var status = CanonicalWriter.TryHash(element, hash, out var duplicate);
        if (status == CanonicalStatus.TooDeep)
        {
            return Reject(null, Body, EventErrors.TooDeep);
        }

        if (status == CanonicalStatus.DuplicateProperty)
        {
            var id = duplicate == "id" ? null : ValidId(element);
            return Reject(id, duplicate!, EventErrors.Duplicate);
        }

        var latest = _time.GetUtcNow() + MaxClockSkew;
        var mapped = Map(element, _catalogue, _catalogue.TimeZone, latest, out var rejection);
        return mapped is null
            ? new ParseOutcome(null, rejection)
            : new ParseOutcome(new ParsedEvent(mapped, element.GetRawText(), hash), null);
    }

    private static DossierEvent? Map(JsonElement e, Catalogue.Catalogue? catalogue, TimeZoneInfo zone, DateTimeOffset? latest, out EventRejection? rejection)
    {
        rejection = null;
        var error = ReadText(e, "id"u8, MaxIdLength, out var id);
        if (error is null && HasControl(id!))
        {
            error = EventErrors.Control;
        }

        if (error is not null)
        {
            rejection = new EventRejection(null, "id", error);
            return null;
        }

        if (ReadType(e, out var type) is { } typeError)
        {
            return Fail(out rejection, id, "type", typeError);
        }

        if (ReadDateTime(e, "occurredAt"u8, out var occurredAt) is { } occurredError)
        {
            return Fail(out rejection, id, "occurredAt", occurredError);
        }

        if (latest is { } limit && occurredAt.UtcTicks > limit.UtcTicks)
        {
            return Fail(out rejection, id, "occurredAt", EventErrors.Future);
        }

        // Unit and procedure codes are looked up from the characters; the event keeps the catalogue's own string.
        Span<char> code = stackalloc char[MaxLookupChars];
        if (ReadChars(e, "unit"u8, code, out var unitCode) is { } unitError)
        {
            return Fail(out rejection, id, "unit", unitError);
        }

        string unit;
        if (catalogue is null)
        {
            unit = unitCode.ToString();
        }
        else if (catalogue.FindUnit(unitCode) is { } known)
        {
            unit = known.Code;
        }
        else
        {
            return Fail(out rejection, id, "unit", EventErrors.UnknownUnit);
        }

        if (ReadText(e, "dossier"u8, MaxCodeLength, out var dossier) is { } dossierError)
        {
            return Fail(out rejection, id, "dossier", dossierError);
        }

        switch (type)
        {
            case EventType.DossierReceived:
                if (ReadChars(e, "procedure"u8, code, out var procedureCode) is { } procedureError)
                {
                    return Fail(out rejection, id, "procedure", procedureError);
                }

                string procedure;
                if (catalogue is null)
                {
                    procedure = procedureCode.ToString();
                }
                else if (catalogue.FindProcedure(procedureCode) is { } knownProcedure)
                {
                    procedure = knownProcedure.Code;
                }
                else
                {
                    return Fail(out rejection, id, "procedure", EventErrors.UnknownProcedure);
                }

                if (ReadChannel(e, out var channel) is { } channelError)
                {
                    return Fail(out rejection, id, "channel", channelError);
                }

                if (ReadDueDate(e, zone, out var due) is { } dueError)
                {
                    return Fail(out rejection, id, "dueAt", dueError);
                }

                return new DossierEvent(id!, type, occurredAt, unit, dossier!, Procedure: procedure, Channel: channel, DueDate: due);

            case EventType.DossierFinished:
                if (ReadDueDate(e, zone, out var finishedDue) is { } finishedDueError)
                {
                    return Fail(out rejection, id, "dueAt", finishedDueError);
                }

                return new DossierEvent(id!, type, occurredAt, unit, dossier!, DueDate: finishedDue);

            case EventType.DossierVoided:
                if (ReadText(e, "reason"u8, MaxReasonLength, out var reason) is { } reasonError)
                {
                    return Fail(out rejection, id, "reason", reasonError);
                }

                if (string.IsNullOrWhiteSpace(reason))
                {
                    return Fail(out rejection, id, "reason", EventErrors.Blank);
                }

                return new DossierEvent(id!, type, occurredAt, unit, dossier!, Reason: reason);

            case EventType.PaymentCompleted:
                if (ReadText(e, "payment"u8, MaxCodeLength, out var payment) is { } paymentError)
                {
                    return Fail(out rejection, id, "payment", paymentError);
                }

                if (ReadAmount(e, out var amount) is { } amountError)
                {
                    return Fail(out rejection, id, "amount", amountError);
                }

                if (ReadMethod(e, out var method) is { } methodError)
                {
                    return Fail(out rejection, id, "method", methodError);
                }

                return new DossierEvent(id!, type, occurredAt, unit, dossier!, Payment: payment, Amount: amount, Method: method);

            default:
                if (ReadText(e, "payment"u8, MaxCodeLength, out var refunded) is { } refundedError)
                {
                    return Fail(out rejection, id, "payment", refundedError);
                }

                return new DossierEvent(id!, type, occurredAt, unit, dossier!, Payment: refunded);
        }
    }

    private static DossierEvent? Fail(out EventRejection? rejection, string? id, string field, string error)
    {
        rejection = new EventRejection(id, field, error);
        return null;
    }

    private static ParseOutcome Reject(string? id, string field, string error) => new(null, new EventRejection(id, field, error));

    /// <summary>The id when it is valid, for a rejection found before the id is checked in order.</summary>
    private static string? ValidId(JsonElement e) =>
        ReadText(e, "id"u8, MaxIdLength, out var id) is null && !HasControl(id!) ? id : null;

    /// <summary>A required string of 1 to <paramref name="max"/> characters (Unicode code points); null when valid, else the message.</summary>
    private static string? ReadText(JsonElement e, ReadOnlySpan<byte> name, int max, out string? value)
    {
        if (ReadString(e, name, out value) is { } error)
        {
            return error;
        }

        return value!.Length == 0 || (value.Length > max && CodePoints(value) > max) ? EventErrors.Length(max) : null;
    }

    /// <summary>A required string of any length; null when it is one, else the message.</summary>
    private static string? ReadString(JsonElement e, ReadOnlySpan<byte> name, out string? value)
    {
        value = null;
        if (!TryGetProperty(e, name, out var property))
        {
            return EventErrors.Missing;
        }

        if (property.ValueKind != JsonValueKind.String)
        {
            return EventErrors.NotString;
        }

        try
        {
            value = property.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return EventErrors.InvalidText;
        }

        return null;
    }

    /// <summary>
    /// A required string of any length, as characters: decoded into <paramref name="buffer"/> when it is unescaped and
    /// fits, else read as a new string. For values that are only looked up, so the usual case allocates nothing.
    /// </summary>
    private static string? ReadChars(JsonElement e, ReadOnlySpan<byte> name, Span<char> buffer, out ReadOnlySpan<char> value)
    {
        value = default;
        if (!TryGetProperty(e, name, out var property))
        {
            return EventErrors.Missing;
        }

        if (property.ValueKind != JsonValueKind.String)
        {
            return EventErrors.NotString;
        }

        var raw = JsonEscapes.Unquote(JsonMarshal.GetRawUtf8Value(property));
        if (raw.IndexOf((byte)'\\') < 0
            && Utf8.ToUtf16(raw, buffer, out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done)
        {
            value = buffer[..written];
            return null;
        }

        try
        {
            value = property.GetString();
        }
        catch (InvalidOperationException)
        {
            return EventErrors.InvalidText;
        }

        return null;
    }

    private static string? ReadType(JsonElement e, out EventType type)
    {
        type = default;
        if (!TryGetProperty(e, "type"u8, out var property))
        {
            return EventErrors.Missing;
        }

        if (property.ValueKind != JsonValueKind.String)
        {
            return EventErrors.NotString;
        }

        if (ValueIs(property, "dossier.received"u8))
        {
            type = EventType.DossierReceived;
        }
        else if (ValueIs(property, "dossier.finished"u8))
        {
            type = EventType.DossierFinished;
        }
        else if (ValueIs(property, "dossier.voided"u8))
        {
            type = EventType.DossierVoided;
        }
        else if (ValueIs(property, "payment.completed"u8))
        {
            type = EventType.PaymentCompleted;
        }
        else if (ValueIs(property, "payment.refunded"u8))
        {
            type = EventType.PaymentRefunded;
        }
        else
        {
            return EventErrors.Type;
        }

        return null;
    }

    private static string? ReadChannel(JsonElement e, out Channel channel)
    {
        channel = default;
        if (!TryGetProperty(e, "channel"u8, out var property))
        {
            return EventErrors.Missing;
        }

        if (property.ValueKind != JsonValueKind.String)
        {
            return EventErrors.NotString;
        }

        if (ValueIs(property, "online"u8))
        {
            channel = Channel.Online;
        }
        else if (ValueIs(property, "direct"u8))
        {
            channel = Channel.Direct;
        }
        else if (ValueIs(property, "postal"u8))
        {
            channel = Channel.Postal;
        }
        else
        {
            return EventErrors.Channel;
        }

        return null;
    }

    private static string? ReadMethod(JsonElement e, out PaymentMethod method)
    {
        method = default;
        if (!TryGetProperty(e, "method"u8, out var property))
        {
            return EventErrors.Missing;
        }

        if (property.ValueKind != JsonValueKind.String)
        {
            return EventErrors.NotString;
        }

        if (ValueIs(property, "online"u8))
        {
            method = PaymentMethod.Online;
        }
        else if (ValueIs(property, "cash"u8))
        {
            method = PaymentMethod.Cash;
        }
        else if (ValueIs(property, "transfer"u8))
        {
            method = PaymentMethod.Transfer;
        }
        else
        {
            return EventErrors.Method;
        }

        return null;
    }

    private static string? ReadDateTime(JsonElement e, ReadOnlySpan<byte> name, out DateTimeOffset value)
    {
        value = default;
        if (!TryGetProperty(e, name, out var property))
        {
            return EventErrors.Missing;
        }

        if (property.ValueKind != JsonValueKind.String)
        {
            return EventErrors.NotString;
        }

        Span<byte> text = stackalloc byte[MaxAsciiValue];
        var length = CopyAscii(property, text);
        return length < 0 ? EventErrors.DateTimeFormat : EventTimestamp.TryParseDateTime(text[..length], out value);
    }

    /// <summary><c>dueAt</c>: absent or null is none; a plain date is taken as is; a date-time becomes its date in the campaigns' zone.</summary>
    private static string? ReadDueDate(JsonElement e, TimeZoneInfo zone, out DateOnly? due)
    {
        due = null;
        if (!TryGetProperty(e, "dueAt"u8, out var property) || property.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (property.ValueKind != JsonValueKind.String)
        {
            return EventErrors.DueAtType;
        }

        Span<byte> text = stackalloc byte[MaxAsciiValue];
        var length = CopyAscii(property, text);
        if (length < 0)
        {
            return EventErrors.DueAtFormat;
        }

        if (length == 10)
        {
            if (!EventTimestamp.TryParseDate(text[..length], out var date))
            {
                return EventErrors.DueAtFormat;
            }

            due = date;
            return null;
        }

        if (EventTimestamp.TryParseDateTime(text[..length], out var instant) is { } error)
        {
            return error == EventErrors.DateTimeFormat ? EventErrors.DueAtFormat : error;
        }

        if (!EventTimestamp.TryDateIn(instant, zone, out var local))
        {
            return EventErrors.DateTimeNotReal;
        }

        due = local;
        return null;
    }

    private static string? ReadAmount(JsonElement e, out long amount)
    {
        amount = 0;
        if (!TryGetProperty(e, "amount"u8, out var property))
        {
            return EventErrors.Missing;
        }

        if (property.ValueKind != JsonValueKind.Number)
        {
            return EventErrors.NotNumber;
        }

        if (!JsonNumberParts.TryParse(JsonMarshal.GetRawUtf8Value(property), out var number))
        {
            return EventErrors.NotNumber;
        }

        if (number.IsZero)
        {
            return EventErrors.AmountRange;
        }

        if (!number.TryGetExponent(out var exponent))
        {
            // An exponent of more than 18 digits: a tiny fraction or an enormous integer.
            return number.Exponent().Sign < 0 ? EventErrors.NotInteger : EventErrors.AmountRange;
        }

        if (exponent < 0)
        {
            return EventErrors.NotInteger;
        }

        if (number.Negative || number.SignificandLength + exponent > 13)
        {
            return EventErrors.AmountRange;
        }

        Span<byte> digits = stackalloc byte[13];
        number.CopySignificand(digits);
        long value = 0;
        for (var i = 0; i < number.SignificandLength; i++)
        {
            value = (value * 10) + (digits[i] - '0');
        }

        for (var i = 0; i < exponent; i++)
        {
            value *= 10;
        }

        if (value > MaxAmount)
        {
            return EventErrors.AmountRange;
        }

        amount = value;
        return null;
    }

    /// <summary>
    /// The last property of <paramref name="e"/> named <paramref name="name"/> (an ASCII field name), its name compared
    /// once decoded. <see cref="JsonElement.TryGetProperty(ReadOnlySpan{byte}, out JsonElement)"/> throws when it
    /// unescapes a name with a lone surrogate escape on the way, which made one such unknown field fail the request.
    /// </summary>
    private static bool TryGetProperty(JsonElement e, ReadOnlySpan<byte> name, out JsonElement value)
    {
        value = default;
        var found = false;
        Span<byte> decoded = stackalloc byte[MaxFieldName * MaxEscapedLength];
        foreach (var property in e.EnumerateObject())
        {
            var raw = JsonEscapes.Unquote(JsonMarshal.GetRawUtf8PropertyName(property));
            var equal = raw.IndexOf((byte)'\\') < 0
                ? raw.SequenceEqual(name)
                : raw.Length <= decoded.Length && decoded[..JsonEscapes.Decode(raw, decoded)].SequenceEqual(name);
            if (equal)
            {
                value = property.Value;
                found = true;
            }
        }

        return found;
    }

    /// <summary>Compares a string element with an ASCII literal, case-sensitively, without allocating in the usual unescaped case.</summary>
    private static bool ValueIs(JsonElement property, ReadOnlySpan<byte> literal)
    {
        var raw = JsonEscapes.Unquote(JsonMarshal.GetRawUtf8Value(property));
        if (raw.IndexOf((byte)'\\') < 0)
        {
            return raw.SequenceEqual(literal);
        }

        try
        {
            return property.ValueEquals(literal);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// Copies a short ASCII string value into <paramref name="destination"/> (at most <see cref="MaxAsciiValue"/> bytes);
    /// -1 when it is longer, not ASCII or not decodable.
    /// </summary>
    private static int CopyAscii(JsonElement property, Span<byte> destination)
    {
        var raw = JsonEscapes.Unquote(JsonMarshal.GetRawUtf8Value(property));
        if (raw.IndexOf((byte)'\\') < 0)
        {
            if (raw.Length > destination.Length || !Ascii.IsValid(raw))
            {
                return -1;
            }

            raw.CopyTo(destination);
            return raw.Length;
        }

        // Escaped (System.Text.Json writers send '+' as \u002B): decoded here rather than through a string. An ASCII
        // character takes at most six bytes escaped, so a longer value cannot fit; a lone surrogate decodes to non-ASCII.
        Span<byte> decoded = stackalloc byte[MaxAsciiValue * MaxEscapedLength];
        if (raw.Length > decoded.Length)
        {
            return -1;
        }

        var length = JsonEscapes.Decode(raw, decoded);
        if (length > destination.Length || !Ascii.IsValid(decoded[..length]))
        {
            return -1;
        }

        decoded[..length].CopyTo(destination);
        return length;
    }

    private static bool HasControl(string text)
    {
        foreach (var ch in text)
        {
            if (char.IsControl(ch))
            {
                return true;
            }
        }

        return false;
    }

    private static int CodePoints(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }

            count++;
        }

        return count;
    }
}
