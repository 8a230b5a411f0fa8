using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Leaderboard.Tests.Api;

/// <summary>Valid events of the sample organisation (campaign snn-ls-2024-tttt), to send as they are or to spoil.</summary>
internal static class SampleEvents
{
    /// <summary>Chi cục Chăn nuôi và Thú y, assigned procedure 9.000101.</summary>
    public const string Unit = "000.07.12.H37";

    public const string Procedure = "9.000101";

    /// <summary>Inside the campaign window, in the past.</summary>
    public const string OccurredAt = "2024-07-01T08:00:00+07:00";

    public const string JsonType = "application/json";

    public const string NdjsonType = "application/x-ndjson";

    /// <summary>Non-ASCII text goes out as UTF-8, not as escapes, so the service sees the real bytes.</summary>
    private static readonly JsonSerializerOptions Raw = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A short token that keeps one test's ids and dossiers apart from every other test on a shared node.</summary>
    public static string NewTag() => Guid.NewGuid().ToString("N")[..10];

    public static JsonObject Received(string id, string dossier, string unit = Unit, string channel = "online", string procedure = Procedure) => new()
    {
        ["id"] = id,
        ["type"] = "dossier.received",
        ["occurredAt"] = OccurredAt,
        ["unit"] = unit,
        ["dossier"] = dossier,
        ["procedure"] = procedure,
        ["channel"] = channel,
        ["dueAt"] = "2024-07-15",
    };

    public static JsonObject Finished(string id, string dossier, string unit = Unit) => new()
    {
        ["id"] = id,
        ["type"] = "dossier.finished",
        ["occurredAt"] = "2024-07-05T16:00:00+07:00",
        ["unit"] = unit,
        ["dossier"] = dossier,
        ["dueAt"] = "2024-07-15",
    };

    public static JsonObject Voided(string id, string dossier, string reason = "Nhập nhầm", string unit = Unit) => new()
    {
        ["id"] = id,
        ["type"] = "dossier.voided",
        ["occurredAt"] = "2024-07-02T09:00:00+07:00",
        ["unit"] = unit,
        ["dossier"] = dossier,
        ["reason"] = reason,
    };

    public static JsonObject Paid(string id, string dossier, string payment = "P1", long amount = 80_000, string method = "online", string unit = Unit) => new()
    {
        ["id"] = id,
        ["type"] = "payment.completed",
        ["occurredAt"] = "2024-07-01T09:00:00+07:00",
        ["unit"] = unit,
        ["dossier"] = dossier,
        ["payment"] = payment,
        ["amount"] = amount,
        ["method"] = method,
    };

    public static JsonObject Refunded(string id, string dossier, string payment = "P1", string unit = Unit) => new()
    {
        ["id"] = id,
        ["type"] = "payment.refunded",
        ["occurredAt"] = "2024-07-03T09:00:00+07:00",
        ["unit"] = unit,
        ["dossier"] = dossier,
        ["payment"] = payment,
    };

    /// <summary>One event as compact JSON text.</summary>
    public static string Text(JsonNode e) => e.ToJsonString(Raw);

    /// <summary>A JSON array of already serialized elements, kept verbatim (they may be deliberately wrong).</summary>
    public static string Array(params string[] elements) => "[" + string.Join(",", elements) + "]";

    public static string Array(params JsonNode[] events) => Array([.. events.Select(Text)]);

    /// <summary>NDJSON: one line per element, each ended by a newline.</summary>
    public static string Ndjson(params string[] lines) => string.Concat(lines.Select(l => l + "\n"));

    public static StringContent Content(string body, string mediaType = JsonType) => new(body, Encoding.UTF8, mediaType);
}
