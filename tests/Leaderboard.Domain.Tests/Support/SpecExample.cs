using System.Globalization;
using System.Text.Json;
using Leaderboard.Domain.Events;

namespace Leaderboard.Domain.Tests.Support;

/// <summary>One of the spec's worked examples (Examples/*.json in the output folder): its accepted events and expected answers.</summary>
internal sealed class SpecExample : IDisposable
{
    private readonly JsonDocument _document;

    private SpecExample(JsonDocument document)
    {
        _document = document;
    }

    public JsonElement Root => _document.RootElement;

    public DateOnly? AsOf => Root.GetProperty("asOf").ValueKind == JsonValueKind.Null ? null : EventFactory.Day(Root.GetProperty("asOf").GetString()!);

    public JsonElement BoardEntries => Root.GetProperty("boardEntries");

    public JsonElement Units => Root.GetProperty("units");

    public static SpecExample Load(string file) =>
        new(JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", file))));

    /// <summary>The events whose verdict is <c>accepted</c>, in order, as the validator would hand them on.</summary>
    public IReadOnlyList<DossierEvent> AcceptedEvents(TimeZoneInfo timeZone)
    {
        var events = Root.GetProperty("events").EnumerateArray().ToList();
        var verdicts = Root.GetProperty("verdicts").EnumerateArray().ToList();
        Assert.Equal(events.Count, verdicts.Count);
        var accepted = new List<DossierEvent>();
        for (var i = 0; i < events.Count; i++)
        {
            if (verdicts[i].GetProperty("verdict").GetString() == "accepted")
            {
                accepted.Add(ToEvent(events[i], timeZone));
            }
        }

        return accepted;
    }

    public void Dispose() => _document.Dispose();

    private static DossierEvent ToEvent(JsonElement e, TimeZoneInfo timeZone)
    {
        string? Text(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        var type = Text("type") switch
        {
            "dossier.received" => EventType.DossierReceived,
            "dossier.finished" => EventType.DossierFinished,
            "dossier.voided" => EventType.DossierVoided,
            "payment.completed" => EventType.PaymentCompleted,
            "payment.refunded" => EventType.PaymentRefunded,
            var other => throw new InvalidOperationException($"unexpected type {other}"),
        };
        Channel? channel = Text("channel") switch
        {
            null => null,
            "online" => Channel.Online,
            "direct" => Channel.Direct,
            "postal" => Channel.Postal,
            var other => throw new InvalidOperationException($"unexpected channel {other}"),
        };
        PaymentMethod? method = Text("method") switch
        {
            null => null,
            "online" => PaymentMethod.Online,
            "cash" => PaymentMethod.Cash,
            "transfer" => PaymentMethod.Transfer,
            var other => throw new InvalidOperationException($"unexpected method {other}"),
        };
        DateOnly? due = Text("dueAt") switch
        {
            null => null,
            { Length: 10 } date => EventFactory.Day(date),
            var instant => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(EventFactory.At(instant), timeZone).DateTime),
        };
        long? amount = e.TryGetProperty("amount", out var a) && a.ValueKind == JsonValueKind.Number ? a.GetInt64() : null;
        return new DossierEvent(
            Text("id")!,
            type,
            DateTimeOffset.Parse(Text("occurredAt")!, CultureInfo.InvariantCulture),
            Text("unit")!,
            Text("dossier")!,
            Text("procedure"),
            channel,
            due,
            Text("payment"),
            amount,
            method,
            Text("reason"));
    }
}
