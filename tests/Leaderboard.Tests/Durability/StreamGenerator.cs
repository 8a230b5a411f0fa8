using System.Globalization;
using System.Text.Json.Nodes;
using Leaderboard.Domain.Catalogue;

namespace Leaderboard.Tests.Durability;

/// <summary>Builds the batches of <see cref="CampaignStream"/> one after the other; see there for the rules that keep the result order-independent.</summary>
internal sealed class StreamGenerator
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(7);
    private static readonly DateOnly FirstDay = new(2024, 6, 6);

    // Follow-ups of a dossier add at most about 40 days, so every instant stays within 2024-06-06..2024-12-31.
    private static readonly DateOnly LastReceiptDay = new(2024, 11, 20);

    private static readonly string[] Methods = ["cash", "transfer"];

    private readonly Random _random;
    private readonly Catalogue _catalogue;
    private readonly Dictionary<string, List<string>> _assigned;
    private readonly string[] _units;
    private readonly Dictionary<string, double> _onlineReceipts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _onlinePayments = new(StringComparer.Ordinal);
    private readonly List<StreamItem> _sent = [];
    private int _nextId = 1;
    private int _nextDossier = 1;

    public StreamGenerator(Random random, Catalogue catalogue, Dictionary<string, List<string>> assigned)
    {
        _random = random;
        _catalogue = catalogue;
        _assigned = assigned;
        _units = [.. catalogue.FindCampaign(CampaignStream.Campaign)!.FindBoard(CampaignStream.Board)!.Members];

        // Each unit its own habits, so that the board has a real order. Online payment stays mostly below 54 %, where
        // the score cap (1.2 × the 45 % target) would make units tie.
        foreach (var unit in _units)
        {
            _onlineReceipts[unit] = 0.55 + (0.45 * _random.NextDouble());
            _onlinePayments[unit] = 0.10 + (0.45 * _random.NextDouble());
        }
    }

    public StreamBatch NextBatch(int index)
    {
        var size = _random.Next(200, 501);
        var stories = new List<List<StreamItem>>();
        var count = 0;
        while (count < size * 0.88)
        {
            var story = Story();
            stories.Add(story);
            count += story.Count;
        }

        var items = Interleave(stories);
        var originals = items.ToList();

        // An id re-used for other content, right after (or a little after) its original in the same batch.
        foreach (var receipt in originals.Where(i => i.Receipt && _random.NextDouble() < 0.01).ToList())
        {
            var variant = JsonNode.Parse(receipt.Json)!.AsObject();
            variant["channel"] = (string?)variant["channel"] == "postal" ? "direct" : "postal";
            InsertAfter(items, receipt, new StreamItem(receipt.Id, variant.ToJsonString(), Original: false, Receipt: false));
        }

        // Events that are rejected for their content, each about a dossier of its own.
        for (var k = 0; k < Math.Max(1, size / 200); k++)
        {
            items.Insert(_random.Next(items.Count + 1), Invalid());
        }

        // Re-sends of earlier events, identical: of this batch (after the original) or of an earlier batch (anywhere).
        var resends = (int)Math.Round(size * 0.10);
        for (var k = 0; k < resends; k++)
        {
            if (_sent.Count > 0 && _random.NextDouble() < 0.5)
            {
                var earlier = _sent[_random.Next(_sent.Count)];
                items.Insert(_random.Next(items.Count + 1), earlier with { Original = false });
            }
            else
            {
                var original = originals[_random.Next(originals.Count)];
                InsertAfter(items, original, original with { Original = false });
            }
        }

        _sent.AddRange(originals);
        return new StreamBatch(index, [.. items.Select(i => i.Json)]);
    }

    private void InsertAfter(List<StreamItem> items, StreamItem original, StreamItem copy)
    {
        var at = items.IndexOf(original);
        items.Insert(_random.Next(at + 1, items.Count + 1), copy);
    }

    /// <summary>Merges the dossiers' events at random, each dossier's events keeping their order.</summary>
    private List<StreamItem> Interleave(List<List<StreamItem>> stories)
    {
        var slots = new List<int>();
        for (var s = 0; s < stories.Count; s++)
        {
            slots.AddRange(Enumerable.Repeat(s, stories[s].Count));
        }

        var order = slots.ToArray();
        _random.Shuffle(order);
        var next = new int[stories.Count];
        return [.. order.Select(s => stories[s][next[s]++])];
    }

    /// <summary>The events of one dossier, in time order, each strictly later than the one before.</summary>
    private List<StreamItem> Story()
    {
        var events = new List<StreamItem>();
        var unit = _units[_random.Next(_units.Length)];
        var procedure = Pick(_assigned[unit]);
        var day = FirstDay.AddDays(_random.Next(LastReceiptDay.DayNumber - FirstDay.DayNumber + 1));
        var cursor = new DateTimeOffset(day.ToDateTime(new TimeOnly(7, 0)), Offset).AddSeconds(_random.Next(10 * 3600));
        var dossier = string.Create(CultureInfo.InvariantCulture, $"{unit}-{day:yyMMdd}-{_nextDossier++:D5}");
        var hasFee = _catalogue.FindProcedure(procedure)!.HasFee;
        var payments = 0;
        var hasDue = false;

        if (hasFee && _random.NextDouble() < 0.05)
        {
            // Paid before the receipt is known: counts for the payment's unit until the receipt comes.
            events.Add(Payment(unit, dossier, ++payments, cursor));
            cursor = cursor.AddMinutes(_random.Next(5, 300));
        }

        events.Add(Receipt(unit, dossier, procedure, cursor, out hasDue));
        if (hasFee && payments == 0 && _random.NextDouble() < 0.85)
        {
            cursor = cursor.AddMinutes(_random.Next(10, 600));
            events.Add(Payment(unit, dossier, ++payments, cursor));
        }

        if (payments > 0 && _random.NextDouble() < 0.08)
        {
            cursor = cursor.AddHours(_random.Next(1, 72));
            events.Add(Event("payment.refunded", unit, dossier, cursor, o => o["payment"] = $"pay-{payments}"));
            if (_random.NextDouble() < 0.5)
            {
                cursor = cursor.AddHours(_random.Next(1, 72));
                events.Add(Payment(unit, dossier, ++payments, cursor));
            }
        }

        if (_random.NextDouble() < 0.07)
        {
            // A correction: a later receipt of the same dossier, sometimes naming another unit.
            cursor = cursor.AddHours(_random.Next(1, 48));
            if (_random.NextDouble() < 0.4)
            {
                unit = _units[_random.Next(_units.Length)];
                procedure = Pick(_assigned[unit]);
            }

            events.Add(Receipt(unit, dossier, procedure, cursor, out hasDue));
        }

        if (_random.NextDouble() < 0.6)
        {
            cursor = cursor.AddHours(_random.Next(24, 25 * 24));
            events.Add(Finish(unit, dossier, cursor, withDue: !hasDue && _random.NextDouble() < 0.5));
            if (_random.NextDouble() < 0.05)
            {
                cursor = cursor.AddHours(_random.Next(1, 72));
                events.Add(Finish(unit, dossier, cursor, withDue: _random.NextDouble() < 0.5));
            }
        }

        if (_random.NextDouble() < 0.015)
        {
            cursor = cursor.AddHours(_random.Next(1, 48));
            events.Add(Event("dossier.voided", unit, dossier, cursor, o => o["reason"] = "Nhập nhầm hồ sơ"));
            if (_random.NextDouble() < 0.5)
            {
                // Stored, counted nowhere.
                cursor = cursor.AddHours(_random.Next(1, 48));
                events.Add(Finish(unit, dossier, cursor, withDue: true));
            }
        }

        return events;
    }

    private StreamItem Receipt(string unit, string dossier, string procedure, DateTimeOffset at, out bool hasDue)
    {
        var channel = _random.NextDouble() < _onlineReceipts[unit] ? "online" : _random.NextDouble() < 0.75 ? "direct" : "postal";
        var due = _random.NextDouble();
        hasDue = due < 0.5;
        var dueAt = at.AddDays(_random.Next(3, 21));
        return Event("dossier.received", unit, dossier, at, o =>
        {
            o["procedure"] = procedure;
            o["channel"] = channel;
            if (due < 0.4)
            {
                o["dueAt"] = Day(dueAt);
            }
            else if (due < 0.5)
            {
                o["dueAt"] = Instant(dueAt);
            }
            else if (due < 0.55)
            {
                o["dueAt"] = null;
            }
        }, receipt: true);
    }

    private StreamItem Payment(string unit, string dossier, int number, DateTimeOffset at)
    {
        var method = _random.NextDouble() < _onlinePayments[unit] ? "online" : Methods[_random.Next(Methods.Length)];
        var amount = _random.Next(5, 500) * 1_000L;
        return Event("payment.completed", unit, dossier, at, o =>
        {
            o["payment"] = $"pay-{number}";
            o["amount"] = amount;
            o["method"] = method;
        });
    }

    private StreamItem Finish(string unit, string dossier, DateTimeOffset at, bool withDue)
    {
        var dueAt = at.AddDays(_random.Next(-10, 10));
        return Event("dossier.finished", unit, dossier, at, o =>
        {
            if (withDue)
            {
                o["dueAt"] = Day(dueAt);
            }
        });
    }

    private StreamItem Invalid()
    {
        var unit = _units[_random.Next(_units.Length)];
        var dossier = string.Create(CultureInfo.InvariantCulture, $"{unit}-241001-x{_nextDossier++:D5}");
        var at = new DateTimeOffset(2024, 10, 1, 9, 0, 0, Offset).AddMinutes(_random.Next(60 * 24 * 30));
        var item = (_random.Next(3)) switch
        {
            0 => Event("dossier.received", unit, dossier, at, o =>
            {
                o["procedure"] = "9.999999";
                o["channel"] = "online";
            }),
            1 => Event("dossier.received", unit, dossier, at, o =>
            {
                o["procedure"] = Pick(_assigned[unit]);
                o["channel"] = "fax";
            }),
            _ => Event("payment.completed", unit, dossier, at, o =>
            {
                o["payment"] = "pay-1";
                o["amount"] = 0;
                o["method"] = "online";
            }),
        };
        return item with { Original = false };
    }

    private StreamItem Event(string type, string unit, string dossier, DateTimeOffset at, Action<JsonObject> fill, bool receipt = false)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"kill-{_nextId++:D7}");
        var o = new JsonObject
        {
            ["id"] = id,
            ["type"] = type,
            ["occurredAt"] = Instant(at),
            ["unit"] = unit,
            ["dossier"] = dossier,
        };
        fill(o);
        return new StreamItem(id, o.ToJsonString(), Original: true, Receipt: receipt);
    }

    private string Pick(List<string> list) => list[_random.Next(list.Count)];

    private static string Instant(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Day(DateTimeOffset t) => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
