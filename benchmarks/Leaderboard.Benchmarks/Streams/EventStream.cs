using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Leaderboard.Benchmarks.Organisation;

namespace Leaderboard.Benchmarks.Streams;

/// <summary>
/// A deterministic campaign-like stream: dossiers received over the campaign window (online, direct, postal),
/// most finished, fees paid (online, cash, transfer) for procedures with a fee, a few refunds and corrections (a new
/// receipt, sometimes at another commune of the district), roughly in time order, with about 10 % of the lines
/// re-sent (the same id and content again, a little later in the stream).
/// </summary>
public sealed class EventStream
{
    private const double ResendProbability = 1.0 / 9.0; // re-sends / all sent = p / (1 + p) = 10 %
    private const int ResendWindow = 5_000;

    private static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    private EventStream(IReadOnlyList<StreamEvent> sent, int unique)
    {
        Sent = sent;
        Unique = unique;
    }

    /// <summary>Every line in sending order, re-sends included.</summary>
    public IReadOnlyList<StreamEvent> Sent { get; }

    /// <summary>Distinct events among <see cref="Sent"/>.</summary>
    public int Unique { get; }

    public static EventStream Generate(IReadOnlyList<LeafUnit> leaves, int total, int seed)
    {
        var random = new Random(seed);
        var originals = new List<StreamEvent>((int)(total * 0.95));
        var serialNumbers = new Dictionary<(string Unit, DateOnly Day), int>();
        var days = SyntheticOrganisation.CampaignEnd.DayNumber - SyntheticOrganisation.CampaignStart.DayNumber + 1;
        var buffer = new ArrayBufferWriter<byte>(512);

        // Enough originals that, with re-sends mixed in, the stream reaches the total.
        var needed = (int)(total / (1 + ResendProbability)) + 2_000;
        while (originals.Count < needed)
        {
            var leaf = leaves[random.Next(leaves.Count)];
            var day = SyntheticOrganisation.CampaignStart.AddDays(random.Next(days));
            var key = (leaf.Code, day);
            var serial = serialNumbers[key] = serialNumbers.GetValueOrDefault(key) + 1;
            var dossier = string.Create(CultureInfo.InvariantCulture, $"{leaf.Code}-{day:yyMMdd}-{serial:0000}");
            AddDossier(random, buffer, originals, leaves, leaf, dossier, day);
        }

        // Time order, as a live feed would deliver it; ties keep generation order.
        var ordered = originals.Select((e, i) => (e, i)).OrderBy(x => x.e.OccurredAt).ThenBy(x => x.i).Select(x => x.e).ToList();
        var sent = new List<StreamEvent>(total);
        var unique = 0;
        foreach (var e in ordered)
        {
            if (sent.Count == total)
            {
                break;
            }

            sent.Add(e);
            unique++;
            if (sent.Count < total && random.NextDouble() < ResendProbability)
            {
                var back = Math.Min(unique, ResendWindow);
                sent.Add(ordered[unique - 1 - random.Next(back)]);
            }
        }

        return new EventStream(sent, unique);
    }

    private static void AddDossier(Random random, ArrayBufferWriter<byte> buffer, List<StreamEvent> events, IReadOnlyList<LeafUnit> leaves, LeafUnit leaf, string dossier, DateOnly day)
    {
        var procedure = leaf.Procedures[random.Next(leaf.Procedures.Count)];
        var received = new DateTimeOffset(day.ToDateTime(new TimeOnly(7, 30)), Offset).AddMinutes(random.Next(9 * 60));
        var due = day.AddDays(5 + random.Next(15));
        var channel = Channel(random, procedure);
        var id = dossier;
        events.Add(Received(buffer, id + ":r", received, leaf.Code, dossier, procedure.Code, channel, due));

        // A correction: a later receipt replaces the first (another channel, sometimes another commune of the district).
        if (random.NextDouble() < 0.04)
        {
            var unit = leaf;
            if (random.NextDouble() < 0.3)
            {
                var siblings = leaves.Where(l => l.District == leaf.District && l.Code != leaf.Code && l.Procedures.Contains(procedure)).ToList();
                unit = siblings.Count > 0 ? siblings[random.Next(siblings.Count)] : leaf;
            }

            events.Add(Received(buffer, id + ":r2", received.AddMinutes(30 + random.Next(600)), unit.Code, dossier, procedure.Code, Channel(random, procedure), due));
        }

        if (procedure.HasFee)
        {
            // Usually paid right after the receipt; now and then the payment platform reports first.
            var paidAt = random.NextDouble() < 0.05 ? received.AddMinutes(-random.Next(1, 30)) : received.AddMinutes(random.Next(1, 240));
            var method = channel == "online" && random.NextDouble() < 0.7 ? "online" : random.NextDouble() < 0.5 ? "cash" : "transfer";
            var amount = 10_000L * (1 + random.Next(100));
            events.Add(Payment(buffer, id + ":p1", paidAt, leaf.Code, dossier, dossier + "-TT1", amount, method));
            if (random.NextDouble() < 0.03)
            {
                events.Add(Refund(buffer, id + ":p1x", paidAt.AddDays(1 + random.Next(10)), leaf.Code, dossier, dossier + "-TT1"));
            }
        }

        if (random.NextDouble() < 0.85)
        {
            var finishedOn = day.AddDays(random.Next(1, 22));
            if (finishedOn > SyntheticOrganisation.CampaignEnd)
            {
                finishedOn = SyntheticOrganisation.CampaignEnd;
            }

            var finished = new DateTimeOffset(finishedOn.ToDateTime(new TimeOnly(8, 0)), Offset).AddMinutes(random.Next(9 * 60));
            events.Add(Finished(buffer, id + ":f", finished, leaf.Code, dossier));
        }
    }

    private static string Channel(Random random, ProcedureSpec procedure)
    {
        var online = procedure.Level switch
        {
            "full" => 0.8,
            "partial" => 0.55,
            _ => 0.0,
        };
        var roll = random.NextDouble();
        return roll < online ? "online" : roll < online + (1 - online) * 0.85 ? "direct" : "postal";
    }

    private static StreamEvent Received(ArrayBufferWriter<byte> buffer, string id, DateTimeOffset at, string unit, string dossier, string procedure, string channel, DateOnly due)
    {
        using var json = Start(buffer, id, "dossier.received", at, unit, dossier);
        json.WriteString("procedure", procedure);
        json.WriteString("channel", channel);
        json.WriteString("dueAt", due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return End(buffer, json, id, unit, dossier, at);
    }

    private static StreamEvent Finished(ArrayBufferWriter<byte> buffer, string id, DateTimeOffset at, string unit, string dossier)
    {
        using var json = Start(buffer, id, "dossier.finished", at, unit, dossier);
        return End(buffer, json, id, unit, dossier, at);
    }

    private static StreamEvent Payment(ArrayBufferWriter<byte> buffer, string id, DateTimeOffset at, string unit, string dossier, string payment, long amount, string method)
    {
        using var json = Start(buffer, id, "payment.completed", at, unit, dossier);
        json.WriteString("payment", payment);
        json.WriteNumber("amount", amount);
        json.WriteString("method", method);
        return End(buffer, json, id, unit, dossier, at);
    }

    private static StreamEvent Refund(ArrayBufferWriter<byte> buffer, string id, DateTimeOffset at, string unit, string dossier, string payment)
    {
        using var json = Start(buffer, id, "payment.refunded", at, unit, dossier);
        json.WriteString("payment", payment);
        return End(buffer, json, id, unit, dossier, at);
    }

    private static Utf8JsonWriter Start(ArrayBufferWriter<byte> buffer, string id, string type, DateTimeOffset at, string unit, string dossier)
    {
        buffer.ResetWrittenCount();
        var json = new Utf8JsonWriter(buffer);
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteString("type", type);
        json.WriteString("occurredAt", at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        json.WriteString("unit", unit);
        json.WriteString("dossier", dossier);
        return json;
    }

    private static StreamEvent End(ArrayBufferWriter<byte> buffer, Utf8JsonWriter json, string id, string unit, string dossier, DateTimeOffset at)
    {
        json.WriteEndObject();
        json.Flush();
        return new StreamEvent(id, unit, dossier, at, buffer.WrittenSpan.ToArray());
    }
}
