using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Leaderboard.Web.Api;

/// <summary>
/// The events of <c>POST /api/v1/events</c> as JSON Schema, one per type, from events.md: what a client generator needs
/// to write a sender without reading the spec. Written by hand because the endpoint reads its body itself (it streams
/// NDJSON and answers each event), so there is no CLR type to derive it from. The server's checks are the authority;
/// the schema says the same rules.
/// </summary>
public static class EventSchemas
{
    /// <summary>One event: any of the five types, told apart by <c>type</c>.</summary>
    public static OpenApiSchema Event() => new()
    {
        Description = "Một sự kiện (events.md) — one event. Trường không thuộc loại sự kiện được bỏ qua nhưng vẫn thuộc nội dung của sự kiện; "
            + "fields a type does not define are ignored but still belong to the event's content.",
        OneOf =
        [
            Type("dossier.received", "Tiếp nhận hồ sơ — a dossier was received",
                ["procedure", "channel"],
                ("procedure", new OpenApiSchema { Type = JsonSchemaType.String, Description = "Mã thủ tục đã biết — a known procedure code" }),
                ("channel", Enum("Kênh tiếp nhận — the channel", "online", "direct", "postal")),
                ("dueAt", DueAt())),
            Type("dossier.finished", "Đã giải quyết xong — processing finished",
                [],
                ("dueAt", DueAt())),
            Type("dossier.voided", "Hồ sơ nhập nhầm: rời mọi số liệu — entered by mistake: leaves every count, for good",
                ["reason"],
                ("reason", new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 1000, Description = "Lý do, không để trống — the reason, not blank" })),
            Type("payment.completed", "Đã thanh toán phí, lệ phí — a fee or charge was paid (online: through the national portal's payment platform)",
                ["payment", "amount", "method"],
                ("payment", PaymentId()),
                ("amount", new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "1", Maximum = "1000000000000", Description = "Số tiền (đồng), số nguyên JSON — the amount in VND, a JSON integer" }),
                ("method", Enum("Hình thức thanh toán — the method", "online", "cash", "transfer"))),
            Type("payment.refunded", "Khoản thanh toán được hoàn hoặc hủy — that payment was refunded or cancelled",
                ["payment"],
                ("payment", PaymentId())),
        ],
    };

    private static OpenApiSchema Type(string type, string description, string[] required, params (string Name, OpenApiSchema Schema)[] fields)
    {
        var properties = new Dictionary<string, IOpenApiSchema>
        {
            ["id"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String, MinLength = 1, MaxLength = 128,
                Description = "Mã sự kiện, duy nhất; khóa chống trùng (1–128 ký tự, không có ký tự điều khiển) — unique per event, the idempotency key (1–128 characters, no control characters)",
            },
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(type)] },
            ["occurredAt"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "Thời điểm có múi giờ: YYYY-MM-DDThh:mm[:ss[.phần lẻ]] rồi Z hoặc ±hh:mm, không quá 5 phút trong tương lai — "
                    + "a date-time with an offset, not more than 5 minutes in the future",
                Examples = [JsonValue.Create("2024-06-10T08:15:00+07:00")],
            },
            ["unit"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Mã đơn vị đã biết — the code of a known unit" },
            ["dossier"] = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 64, Description = "Mã hồ sơ — the dossier code" },
        };
        foreach (var (name, schema) in fields)
        {
            properties[name] = schema;
        }

        return new OpenApiSchema
        {
            Title = type,
            Description = description,
            Type = JsonSchemaType.Object,
            Required = new HashSet<string>(["id", "type", "occurredAt", "unit", "dossier", .. required], StringComparer.Ordinal),
            Properties = properties,
        };
    }

    private static OpenApiSchema DueAt() => new()
    {
        Type = JsonSchemaType.String | JsonSchemaType.Null,
        Description = "Hạn giải quyết: YYYY-MM-DD hoặc thời điểm như occurredAt; null như không có — the due date: a date or a date-time like occurredAt; null is the same as absent",
    };

    private static OpenApiSchema PaymentId() => new()
    {
        Type = JsonSchemaType.String, MinLength = 1, MaxLength = 64,
        Description = "Mã khoản thanh toán, duy nhất trong hồ sơ — the payment id, unique within the dossier",
    };

    private static OpenApiSchema Enum(string description, params string[] values) => new()
    {
        Type = JsonSchemaType.String,
        Description = description,
        Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))],
    };
}
