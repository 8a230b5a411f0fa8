using System.Text.Json;
using System.Text.Json.Nodes;
using Leaderboard.Domain.Catalogue;

namespace Leaderboard.Domain.Tests.Events;

/// <summary>Valid events of each type on the sample organisation, to be spoiled one field at a time.</summary>
internal static class EventSamples
{
    public static readonly DateTimeOffset Now = new(2024, 6, 20, 0, 0, 0, TimeSpan.Zero);

    public static Domain.Catalogue.Catalogue Catalogue { get; } = CatalogueLoader.Load(CatalogueLoader.DefaultFolder);

    public static JsonObject Received() => new()
    {
        ["id"] = "e-1",
        ["type"] = "dossier.received",
        ["occurredAt"] = "2024-06-10T08:00:00+07:00",
        ["unit"] = "000.07.12.H37",
        ["dossier"] = "000.07.12.H37-240610-0001",
        ["procedure"] = "9.000101",
        ["channel"] = "online",
        ["dueAt"] = "2024-06-15",
    };

    public static JsonObject Finished() => new()
    {
        ["id"] = "e-2",
        ["type"] = "dossier.finished",
        ["occurredAt"] = "2024-06-15T16:00:00Z",
        ["unit"] = "000.07.12.H37",
        ["dossier"] = "000.07.12.H37-240610-0001",
    };

    public static JsonObject Voided() => new()
    {
        ["id"] = "e-3",
        ["type"] = "dossier.voided",
        ["occurredAt"] = "2024-06-12T09:00:00+07:00",
        ["unit"] = "000.07.12.H37",
        ["dossier"] = "000.07.12.H37-240610-0001",
        ["reason"] = "Nhập nhầm",
    };

    public static JsonObject Paid() => new()
    {
        ["id"] = "e-4",
        ["type"] = "payment.completed",
        ["occurredAt"] = "2024-06-10T09:00:00+07:00",
        ["unit"] = "000.07.12.H37",
        ["dossier"] = "000.07.12.H37-240610-0001",
        ["payment"] = "P1",
        ["amount"] = 80000,
        ["method"] = "online",
    };

    public static JsonObject Refunded() => new()
    {
        ["id"] = "e-5",
        ["type"] = "payment.refunded",
        ["occurredAt"] = "2024-06-12T08:00:00+07:00",
        ["unit"] = "000.07.12.H37",
        ["dossier"] = "000.07.12.H37-240610-0001",
        ["payment"] = "P1",
    };

    public static JsonObject Of(string type) => type switch
    {
        "dossier.received" => Received(),
        "dossier.finished" => Finished(),
        "dossier.voided" => Voided(),
        "payment.completed" => Paid(),
        _ => Refunded(),
    };

    public static JsonObject With(this JsonObject o, string name, JsonNode? value)
    {
        o[name] = value;
        return o;
    }

    public static JsonObject Without(this JsonObject o, string name)
    {
        Assert.True(o.Remove(name));
        return o;
    }

    public static byte[] Hash(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Domain.Events.EventParser.CanonicalHash(document.RootElement);
    }
}
