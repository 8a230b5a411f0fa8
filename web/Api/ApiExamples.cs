using System.Text.Json.Nodes;
using Leaderboard.Domain.Catalogue;

namespace Leaderboard.Web.Api;

/// <summary>Examples for the OpenAPI document, from the sample organisation (Sở NN và PTNT Lạng Sơn, campaign snn-ls-2024-tttt).</summary>
public static class ApiExamples
{
    private const string CampaignId = "snn-ls-2024-tttt";

    private const string Unit = "000.07.12.H37";

    private const string OtherUnit = "000.10.12.H37";

    public static JsonNode EventsArray() => new JsonArray(
        new JsonObject
        {
            ["id"] = "evt-1",
            ["type"] = "dossier.received",
            ["occurredAt"] = "2024-06-10T08:15:00+07:00",
            ["unit"] = Unit,
            ["dossier"] = "000.07.12.H37-240610-0001",
            ["procedure"] = "9.000101",
            ["channel"] = "online",
            ["dueAt"] = "2024-06-20",
        },
        new JsonObject
        {
            ["id"] = "evt-2",
            ["type"] = "payment.completed",
            ["occurredAt"] = "2024-06-10T08:20:00+07:00",
            ["unit"] = Unit,
            ["dossier"] = "000.07.12.H37-240610-0001",
            ["payment"] = "PAY-0001",
            ["amount"] = 150000,
            ["method"] = "online",
        },
        new JsonObject
        {
            // Another unit's dossier: with the example key (scoped to 000.07.12.H37) it is refused, naming "unit".
            ["id"] = "evt-3",
            ["type"] = "dossier.received",
            ["occurredAt"] = "2024-06-10T09:00:00+07:00",
            ["unit"] = OtherUnit,
            ["dossier"] = "000.10.12.H37-240610-0001",
            ["procedure"] = "9.000601",
            ["channel"] = "direct",
        });

    public static JsonNode EventsNdjson() => JsonValue.Create(string.Join('\n', EventsArray().AsArray().Select(e => e!.ToJsonString())) + "\n");

    public static JsonNode IngestionResult() => new JsonObject
    {
        ["accepted"] = 2,
        ["duplicates"] = 0,
        ["rejected"] = new JsonArray(new JsonObject
        {
            ["index"] = 2,
            ["id"] = "evt-3",
            ["field"] = "unit",
            ["error"] = $"đơn vị '{OtherUnit}' của sự kiện nằm ngoài phạm vi của khóa",
        }),
    };

    public static JsonNode Problem(int status, string title, string detail) => new JsonObject
    {
        ["type"] = $"https://tools.ietf.org/html/rfc9110#section-15.{(status >= 500 ? 6 : 5)}",
        ["title"] = title,
        ["status"] = status,
        ["detail"] = detail,
    };

    public static JsonNode CreateKeyRequest() => new JsonObject
    {
        ["name"] = "Hệ thống một cửa — Chi cục Chăn nuôi và Thú y",
        ["units"] = new JsonArray(Unit),
        ["canWrite"] = true,
        ["kind"] = "integrator",
    };

    public static JsonNode CreatedKey() => new JsonObject
    {
        ["id"] = "0197a3c2-5b1e-7c3d-9f00-2a4b6c8d0e1f",
        ["name"] = "Hệ thống một cửa — Chi cục Chăn nuôi và Thú y",
        ["kind"] = "integrator",
        ["units"] = new JsonArray(Unit),
        ["canWrite"] = true,
        ["key"] = "Xq3v0yJr9mTnqk1pD8w2sZcL5eHbF7aGuR4tYiN6oPA",
        ["createdAt"] = "2024-06-05T09:00:00+00:00",
    };

    public static JsonNode KeyList() => new JsonArray(
        new JsonObject
        {
            ["id"] = "config-0",
            ["name"] = "cong-thanh-toan",
            ["kind"] = "integrator",
            ["units"] = new JsonArray("000.00.12.H37"),
            ["canWrite"] = true,
            ["createdAt"] = null,
            ["revokedAt"] = null,
            ["source"] = "configuration",
        },
        new JsonObject
        {
            ["id"] = "0197a3c2-5b1e-7c3d-9f00-2a4b6c8d0e1f",
            ["name"] = "Hệ thống một cửa — Chi cục Chăn nuôi và Thú y",
            ["kind"] = "integrator",
            ["units"] = new JsonArray(Unit),
            ["canWrite"] = true,
            ["createdAt"] = "2024-06-05T09:00:00+00:00",
            ["revokedAt"] = null,
            ["source"] = "api",
        });

    public static JsonNode Campaign() => new JsonObject
    {
        ["id"] = CampaignId,
        ["name"] = "Thi đua cao điểm nâng cao tỷ lệ thanh toán trực tuyến trong giải quyết TTHC",
        ["organiser"] = "000.00.12.H37",
        ["start"] = "2024-06-06",
        ["end"] = "2024-12-31",
        ["timeZone"] = "Asia/Ho_Chi_Minh",
        ["daysLeft"] = 120,
        ["scoreCap"] = 1.2,
        ["minVolume"] = 10,
        ["indicators"] = new JsonArray(
            new JsonObject { ["id"] = "online-service-usage", ["name"] = IndicatorNames.Vietnamese(IndicatorIds.OnlineServiceUsage), ["target"] = 0.9, ["weight"] = 0.5 },
            new JsonObject { ["id"] = "online-payment", ["name"] = IndicatorNames.Vietnamese(IndicatorIds.OnlinePayment), ["target"] = 0.45, ["weight"] = 0.5 }),
        ["boards"] = new JsonArray(new JsonObject
        {
            ["id"] = "don-vi",
            ["name"] = "Các phòng, đơn vị thuộc Sở",
            ["units"] = new JsonArray("000.06.12.H37", Unit),
        }),
    };

    public static JsonNode Campaigns() => new JsonArray(Campaign());

    public static JsonNode Indicators() => new JsonObject
    {
        ["online-payment"] = new JsonObject
        {
            ["numerator"] = 38,
            ["denominator"] = 100,
            ["value"] = 0.38,
            ["target"] = 0.45,
            ["met"] = false,
            ["gap"] = 7,
            ["applicable"] = true,
        },
    };

    public static JsonNode Board() => new JsonObject
    {
        ["campaign"] = CampaignId,
        ["board"] = "don-vi",
        ["epoch"] = 1718000000000,
        ["version"] = 42,
        ["asOf"] = null,
        ["entries"] = new JsonArray(new JsonObject
        {
            ["unit"] = Unit,
            ["name"] = "Chi cục Chăn nuôi và Thú y",
            ["rank"] = 1,
            ["previousRank"] = 2,
            ["score"] = 0.87,
            ["eligible"] = true,
            ["applicable"] = true,
            ["indicators"] = Indicators(),
        }),
    };

    public static JsonNode UnitProgress() => new JsonObject
    {
        ["campaign"] = CampaignId,
        ["unit"] = Unit,
        ["name"] = "Chi cục Chăn nuôi và Thú y",
        ["epoch"] = 1718000000000,
        ["version"] = 17,
        ["asOf"] = null,
        ["score"] = 0.87,
        ["eligible"] = true,
        ["applicable"] = true,
        ["indicators"] = Indicators(),
        ["ranks"] = new JsonArray(new JsonObject { ["board"] = "don-vi", ["rank"] = 1, ["of"] = 12 }),
        ["trend"] = new JsonArray(new JsonObject
        {
            ["day"] = "2024-06-10",
            ["indicators"] = new JsonObject { ["online-payment"] = new JsonObject { ["numerator"] = 3, ["denominator"] = 8 } },
        }),
        ["projection"] = new JsonObject { ["online-payment"] = 0.52 },
    };

    public static JsonNode CatalogueListing() => new JsonObject
    {
        ["revision"] = 3,
        ["files"] = new JsonArray(
            new JsonObject { ["name"] = "units.csv", ["bytes"] = 2048 },
            new JsonObject { ["name"] = "procedures.csv", ["bytes"] = 4096 },
            new JsonObject { ["name"] = "assignments.csv", ["bytes"] = 1024 },
            new JsonObject { ["name"] = "campaign-2024-thanh-toan-truc-tuyen.json", ["bytes"] = 812 }),
    };
}
