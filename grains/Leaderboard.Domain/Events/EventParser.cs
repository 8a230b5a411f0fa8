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

    /// <summary>How deep an event may nest (its own object counted): deeper ones are rejected, field <c>body</c>.</summary>
    public const int MaxDepth = CanonicalWriter.MaxDepth;

    private const string Body = "body";
    private const long MaxAmount = 1_000_000_000_000;

    /// <summary>Dates and date-times are read as ASCII of at most this many bytes.</summary>
    private const int MaxAsciiValue = 64;

    /// <summary>The most bytes one character takes in a JSON string: <c>\uXXXX</c>.</summary>
    private const int MaxEscapedLength = 6;

    /// <summary>Unit and procedure codes up to this many characters are looked up without making a string.</summary>
    private const int MaxLookupChars = 64;

    /// <summary>
    /// A line is strict JSON: no comments, no trailing commas. How deep it may nest is the writer's to judge
    /// (<see cref="CanonicalWriter.MaxDepth"/>), as for an element of an array, so both transports accept the same
    /// events (the reader's default of 64 refused in NDJSON what an array let through).
    /// </summary>
    private static readonly JsonReaderOptions LineOptions = new() { MaxDepth = int.MaxValue };

    /// <summary>
    /// An element's text is already known to be JSON under whatever options its document had (comments skipped,
    /// trailing commas, any depth): it is read under all of them, and too-deep values are found by the writer.
    /// </summary>
    private static readonly JsonReaderOptions ElementOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = int.MaxValue,
    };

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

        var raw = JsonMarshal.GetRawUtf8Value(element);
        var ascii = Ascii.IsValid(raw);
        if (!ascii && !Utf8.IsValid(raw))
        {
            return Reject(null, Body, EventErrors.NotUtf8);
        }

        return ParseUtf8(raw, ElementOptions, ascii);
    }

    /// <summary>Validates one NDJSON line: anything but exactly one JSON value in valid UTF-8 is rejected as <c>"body"</c>.</summary>
    public ParseOutcome ParseLine(ReadOnlySpan<byte> utf8Line)
    {
        if (utf8Line.StartsWith("\uFEFF"u8))
        {
            utf8Line = utf8Line[3..];
        }

        var ascii = Ascii.IsValid(utf8Line);
        if (!ascii && !Utf8.IsValid(utf8Line))
        {
            return Reject(null, Body, EventErrors.NotUtf8);
        }

        return ParseUtf8(utf8Line, LineOptions, ascii);
    }

    /// <summary>
    /// Maps stored content (accepted earlier) back to its event for journal replay: the same mapping, without the
    /// catalogue and clock checks, so that a later catalogue or clock cannot drop history.
    /// </summary>
    /// <param name="content">The stored JSON text as UTF-8 (read as is: no copy, no string).</param>
    /// <exception cref="FormatException">The content is not an event.</exception>
    public static DossierEvent ParseStored(ReadOnlyMemory<byte> content, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        var json = content.Span;
        var writer = CanonicalWriter.Take();
        try
        {
            // Under the most lenient options: whatever either transport ever accepted must replay.
            writer.Read(json, ElementOptions);
        }
        catch (JsonException ex)
        {
            writer.Return();
            throw new FormatException("stored event is not valid JSON", ex);
        }

        if (!writer.IsObject)
        {
            writer.Return();
            throw new FormatException("stored event is not a JSON object");
        }

        Span<int> slots = stackalloc int[EventFields.Count];
        var mapped = Map(new EventFields(json, writer, Ascii.IsValid(json), slots), null, timeZone, null, out var rejection, stored: true);
        writer.Return();
        return mapped ?? throw new FormatException($"stored event is invalid: {rejection!.Field}: {rejection.Error}");
    }

    /// <summary>SHA-256 of the canonical form of <paramref name="element"/> (see <see cref="CanonicalWriter"/>).</summary>
    /// <exception cref="ArgumentException">An object repeats a property name, or the value nests too deep.</exception>
    public static byte[] CanonicalHash(JsonElement element)
    {
        // A default element has no text; it has always hashed as null.
        var json = element.ValueKind == JsonValueKind.Undefined ? "null"u8 : JsonMarshal.GetRawUtf8Value(element);
        var writer = CanonicalWriter.Take();
        try
        {
            writer.Read(json, ElementOptions);
        }
        catch (JsonException ex)
        {
            writer.Return();
            throw new ArgumentException("the value is not JSON", nameof(element), ex);
        }

        var status = writer.Status;
        var duplicate = writer.Duplicate;
        var hash = new byte[32];
        if (status == CanonicalStatus.Ok)
        {
            writer.Hash(json, hash);
        }

        writer.Return();
        return status switch
        {
            CanonicalStatus.Ok => hash,
            CanonicalStatus.DuplicateProperty => throw new ArgumentException($"duplicate property name: {duplicate}", nameof(element)),
            _ => throw new ArgumentException("the value nests too deep", nameof(element)),
        };
    }

    /// <summary>
    /// Validates one JSON value in valid UTF-8 (<paramref name="ascii"/> when it is all ASCII), read in one pass by this
    /// thread's <see cref="CanonicalWriter"/>.
    /// </summary>
    private ParseOutcome ParseUtf8(ReadOnlySpan<byte> json, JsonReaderOptions options, bool ascii)
    {
        var writer = CanonicalWriter.Take();
        try
        {
            writer.Read(json, options);
        }
        catch (JsonException ex)
        {
            writer.Return();
            return Reject(IdBeforeError(json, options), Body, ex.BytePositionInLine is { } position ? EventErrors.NotJsonAt(position) : EventErrors.NotJson);
        }

        var outcome = ParseRead(json, writer, ascii);
        writer.Return();
        return outcome;
    }

    /// <summary>Validates the value <paramref name="writer"/> has read from <paramref name="json"/>.</summary>
    private ParseOutcome ParseRead(ReadOnlySpan<byte> json, CanonicalWriter writer, bool ascii)
    {
        if (!writer.IsObject)
        {
            return Reject(null, Body, EventErrors.NotObject);
        }

        if (writer.Status == CanonicalStatus.TooDeep)
        {
            return Reject(null, Body, EventErrors.TooDeep);
        }

        Span<int> slots = stackalloc int[EventFields.Count];
        var fields = new EventFields(json, writer, ascii, slots);
        if (writer.Status == CanonicalStatus.DuplicateProperty)
        {
            var duplicate = writer.Duplicate!;
            var id = duplicate == "id" ? null : ValidId(fields);
            return Reject(id, duplicate, EventErrors.Duplicate);
        }

        var latest = _time.GetUtcNow() + MaxClockSkew;
        var mapped = Map(fields, _catalogue, _catalogue.TimeZone, latest, out var rejection, stored: false);
        if (mapped is null)
        {
            return new ParseOutcome(null, rejection);
        }

        var hash = new byte[32];
        writer.Hash(json, hash);

        var content = json.Slice(writer.RootStart, writer.RootLength).ToArray();
        return new ParseOutcome(new ParsedEvent(mapped, content, hash), null);
    }

    /// <param name="stored">An event the journal holds: rules added since it was accepted (no control characters in
    /// a dossier or payment code) do not apply, so that whatever was accepted replays.</param>
    private static DossierEvent? Map(
        EventFields e, Catalogue.Catalogue? catalogue, TimeZoneInfo zone, DateTimeOffset? latest, out EventRejection? rejection, bool stored)
    {
        rejection = null;
        var error = ReadText(e[EventField.Id], MaxIdLength, out var id);
        if (error is null && HasControl(id!))
        {
            error = EventErrors.Control;
        }

        if (error is not null)
        {
            rejection = new EventRejection(null, "id", error);
            return null;
        }

        if (ReadType(e[EventField.Type], out var type) is { } typeError)
        {
            return Fail(out rejection, id, "type", typeError);
        }

        if (ReadDateTime(e[EventField.OccurredAt], out var occurredAt) is { } occurredError)
        {
            return Fail(out rejection, id, "occurredAt", occurredError);
        }

        if (latest is { } limit && occurredAt.UtcTicks > limit.UtcTicks)
        {
            return Fail(out rejection, id, "occurredAt", EventErrors.Future);
        }

        // Unit and procedure codes are looked up from the characters; the event keeps the catalogue's own string.
        Span<char> code = stackalloc char[MaxLookupChars];
        if (ReadChars(e[EventField.Unit], code, out var unitCode) is { } unitError)
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

        if (ReadText(e[EventField.Dossier], MaxCodeLength, out var dossier) is { } dossierError)
        {
            return Fail(out rejection, id, "dossier", dossierError);
        }

        // A code with control characters is a mistake, and PostgreSQL's text cannot hold U+0000: such an event failed
        // its whole journal group, whatever the batch, on every re-send.
        if (!stored && HasControl(dossier!))
        {
            return Fail(out rejection, id, "dossier", EventErrors.Control);
        }

        switch (type)
        {
            case EventType.DossierReceived:
                if (ReadChars(e[EventField.Procedure], code, out var procedureCode) is { } procedureError)
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

                if (ReadChannel(e[EventField.Channel], out var channel) is { } channelError)
                {
                    return Fail(out rejection, id, "channel", channelError);
                }

                if (ReadDueDate(e[EventField.DueAt], zone, out var due) is { } dueError)
                {
                    return Fail(out rejection, id, "dueAt", dueError);
                }

                return new DossierEvent(id!, type, occurredAt, unit, dossier!, Procedure: procedure, Channel: channel, DueDate: due);

            case EventType.DossierFinished:
                if (ReadDueDate(e[EventField.DueAt], zone, out var finishedDue) is { } finishedDueError)
                {
                    return Fail(out rejection, id, "dueAt", finishedDueError);
                }

                return new DossierEvent(id!, type, occurredAt, unit, dossier!, DueDate: finishedDue);

            case EventType.DossierVoided:
                if (ReadText(e[EventField.Reason], MaxReasonLength, out var reason) is { } reasonError)
                {
                    return Fail(out rejection, id, "reason", reasonError);
                }

                if (string.IsNullOrWhiteSpace(reason))
                {
                    return Fail(out rejection, id, "reason", EventErrors.Blank);
                }

                return new DossierEvent(id!, type, occurredAt, unit, dossier!, Reason: reason);

            case EventType.PaymentCompleted:
                if (ReadText(e[EventField.Payment], MaxCodeLength, out var payment) is { } paymentError)
                {
                    return Fail(out rejection, id, "payment", paymentError);
                }

                if (!stored && HasControl(payment!))
                {
                    return Fail(out rejection, id, "payment", EventErrors.Control);
                }

                if (ReadAmount(e[EventField.Amount], out var amount) is { } amountError)
                {
                    return Fail(out rejection, id, "amount", amountError);
                }

                if (ReadMethod(e[EventField.Method], out var method) is { } methodError)
                {
                    return Fail(out rejection, id, "method", methodError);
                }

                return new DossierEvent(id!, type, occurredAt, unit, dossier!, Payment: payment, Amount: amount, Method: method);

            default:
                if (ReadText(e[EventField.Payment], MaxCodeLength, out var refunded) is { } refundedError)
                {
                    return Fail(out rejection, id, "payment", refundedError);
                }

                if (!stored && HasControl(refunded!))
                {
                    return Fail(out rejection, id, "payment", EventErrors.Control);
                }

                return new DossierEvent(id!, type, occurredAt, unit, dossier!, Payment: refunded);
        }
    }

    private static DossierEvent? Fail(out EventRejection? rejection, string? id, string field, string error)
    {
        rejection = new EventRejection(id, field, error);
        return null;
    }

    /// <summary>
    /// The top-level <c>id</c> of a value that is not valid JSON, when it comes before the error and is a valid id: the
    /// integrator can tell which event of an NDJSON stream was broken (the rejection's index counts lines).
    /// </summary>
    private static string? IdBeforeError(ReadOnlySpan<byte> json, JsonReaderOptions options)
    {
        var reader = new Utf8JsonReader(json, options);
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("id"u8))
                {
                    var id = reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    return id is { Length: > 0 } && (id.Length <= MaxIdLength || CodePoints(id) <= MaxIdLength) && !HasControl(id) ? id : null;
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // The error comes first, or the id's own text is broken.
        }

        return null;
    }

    private static ParseOutcome Reject(string? id, string field, string error) => new(null, new EventRejection(id, field, error));

    /// <summary>The id when it is valid, for a rejection found before the id is checked in order.</summary>
    private static string? ValidId(EventFields e) =>
        ReadText(e[EventField.Id], MaxIdLength, out var id) is null && !HasControl(id!) ? id : null;

    /// <summary>A required string of 1 to <paramref name="max"/> characters (Unicode code points); null when valid, else the message.</summary>
    private static string? ReadText(JsonField field, int max, out string? value)
    {
        if (ReadString(field, out value) is { } error)
        {
            return error;
        }

        return value!.Length == 0 || (value.Length > max && CodePoints(value) > max) ? EventErrors.Length(max) : null;
    }

    /// <summary>A required string of any length; null when it is one, else the message.</summary>
    private static string? ReadString(JsonField field, out string? value)
    {
        value = null;
        if (RequireString(field) is { } error)
        {
            return error;
        }

        value = field.GetString();
        return value is null ? EventErrors.InvalidText : null;
    }

    /// <summary>Null when the field is a string, else the message: missing, or not a string.</summary>
    private static string? RequireString(JsonField field) => field.Kind switch
    {
        JsonTokenType.String => null,
        JsonTokenType.None => EventErrors.Missing,
        _ => EventErrors.NotString,
    };

    /// <summary>
    /// A required string of any length, as characters: decoded into <paramref name="buffer"/> when it is unescaped and
    /// fits, else read as a new string. For values that are only looked up, so the usual case allocates nothing.
    /// </summary>
    private static string? ReadChars(JsonField field, Span<char> buffer, out ReadOnlySpan<char> value)
    {
        value = default;
        if (RequireString(field) is { } error)
        {
            return error;
        }

        if (!field.IsEscaped
            && Utf8.ToUtf16(field.Raw, buffer, out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done)
        {
            value = buffer[..written];
            return null;
        }

        var text = field.GetString();
        if (text is null)
        {
            return EventErrors.InvalidText;
        }

        value = text;
        return null;
    }

    private static string? ReadType(JsonField field, out EventType type)
    {
        type = default;
        if (RequireString(field) is { } error)
        {
            return error;
        }

        if (field.ValueEquals("dossier.received"u8))
        {
            type = EventType.DossierReceived;
        }
        else if (field.ValueEquals("dossier.finished"u8))
        {
            type = EventType.DossierFinished;
        }
        else if (field.ValueEquals("dossier.voided"u8))
        {
            type = EventType.DossierVoided;
        }
        else if (field.ValueEquals("payment.completed"u8))
        {
            type = EventType.PaymentCompleted;
        }
        else if (field.ValueEquals("payment.refunded"u8))
        {
            type = EventType.PaymentRefunded;
        }
        else
        {
            return EventErrors.Type;
        }

        return null;
    }

    private static string? ReadChannel(JsonField field, out Channel channel)
    {
        channel = default;
        if (RequireString(field) is { } error)
        {
            return error;
        }

        if (field.ValueEquals("online"u8))
        {
            channel = Channel.Online;
        }
        else if (field.ValueEquals("direct"u8))
        {
            channel = Channel.Direct;
        }
        else if (field.ValueEquals("postal"u8))
        {
            channel = Channel.Postal;
        }
        else
        {
            return EventErrors.Channel;
        }

        return null;
    }

    private static string? ReadMethod(JsonField field, out PaymentMethod method)
    {
        method = default;
        if (RequireString(field) is { } error)
        {
            return error;
        }

        if (field.ValueEquals("online"u8))
        {
            method = PaymentMethod.Online;
        }
        else if (field.ValueEquals("cash"u8))
        {
            method = PaymentMethod.Cash;
        }
        else if (field.ValueEquals("transfer"u8))
        {
            method = PaymentMethod.Transfer;
        }
        else
        {
            return EventErrors.Method;
        }

        return null;
    }

    private static string? ReadDateTime(JsonField field, out DateTimeOffset value)
    {
        value = default;
        if (RequireString(field) is { } error)
        {
            return error;
        }

        Span<byte> text = stackalloc byte[MaxAsciiValue];
        var length = CopyAscii(field, text);
        return length < 0 ? EventErrors.DateTimeFormat : EventTimestamp.TryParseDateTime(text[..length], out value);
    }

    /// <summary><c>dueAt</c>: absent or null is none; a plain date is taken as is; a date-time becomes its date in the campaigns' zone.</summary>
    private static string? ReadDueDate(JsonField field, TimeZoneInfo zone, out DateOnly? due)
    {
        due = null;
        if (field.Kind is JsonTokenType.None or JsonTokenType.Null)
        {
            return null;
        }

        if (field.Kind != JsonTokenType.String)
        {
            return EventErrors.DueAtType;
        }

        Span<byte> text = stackalloc byte[MaxAsciiValue];
        var length = CopyAscii(field, text);
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

    private static string? ReadAmount(JsonField field, out long amount)
    {
        amount = 0;
        if (field.Kind == JsonTokenType.None)
        {
            return EventErrors.Missing;
        }

        if (field.Kind != JsonTokenType.Number)
        {
            return EventErrors.NotNumber;
        }

        if (!JsonNumberParts.TryParse(field.Raw, out var number))
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
    /// Copies a short ASCII string value into <paramref name="destination"/> (at most <see cref="MaxAsciiValue"/> bytes);
    /// -1 when it is longer, not ASCII or not decodable.
    /// </summary>
    private static int CopyAscii(JsonField field, Span<byte> destination)
    {
        var raw = field.Raw;
        if (!field.IsEscaped)
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
