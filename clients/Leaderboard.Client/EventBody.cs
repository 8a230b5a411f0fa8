using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Leaderboard.Client;

/// <summary>
/// One event (events.md): the envelope, the fields of its type, and any further fields in <see cref="Extra"/>.
/// Fields left null are not sent. The <see cref="Id"/> is the idempotency key: send the same event again (same id,
/// same content) and it is a duplicate, which is what makes every retry of this client safe.
/// </summary>
public sealed record EventBody
{
    /// <summary>Unique per event, 1–128 characters; derive it from the source record so a re-send keeps it.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>One of <see cref="EventTypes"/>.</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    /// <summary>A date-time with an offset, e.g. <c>2024-06-10T08:15:00+07:00</c> (see <see cref="FormatTime"/>).</summary>
    [JsonPropertyName("occurredAt")]
    public required string OccurredAt { get; init; }

    /// <summary>The code of a known unit.</summary>
    [JsonPropertyName("unit")]
    public required string Unit { get; init; }

    /// <summary>The dossier code (mã hồ sơ), 1–64 characters.</summary>
    [JsonPropertyName("dossier")]
    public required string Dossier { get; init; }

    /// <summary><c>dossier.received</c>: a known procedure code.</summary>
    [JsonPropertyName("procedure")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Procedure { get; init; }

    /// <summary><c>dossier.received</c>: <c>online</c>, <c>direct</c> or <c>postal</c>.</summary>
    [JsonPropertyName("channel")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Channel { get; init; }

    /// <summary>Optional due date, <c>YYYY-MM-DD</c> or a date-time like <see cref="OccurredAt"/>.</summary>
    [JsonPropertyName("dueAt")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DueAt { get; init; }

    /// <summary><c>dossier.voided</c>: why, 1–1,000 characters.</summary>
    [JsonPropertyName("reason")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }

    /// <summary><c>payment.completed</c>, <c>payment.refunded</c>: the payment id, unique within the dossier.</summary>
    [JsonPropertyName("payment")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Payment { get; init; }

    /// <summary><c>payment.completed</c>: the amount in VND, 1 to 10¹².</summary>
    [JsonPropertyName("amount")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Amount { get; init; }

    /// <summary><c>payment.completed</c>: <c>online</c>, <c>cash</c> or <c>transfer</c>.</summary>
    [JsonPropertyName("method")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Method { get; init; }

    /// <summary>Fields the types do not define: sent as they are and stored as part of the event's content.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }

    /// <summary><c>2024-06-10T08:15:00+07:00</c>: the instant with its own offset, to the second.</summary>
    public static string FormatTime(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary><c>2024-06-10</c>.</summary>
    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
