using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using static Leaderboard.Tests.Api.SampleEvents;

namespace Leaderboard.Tests.Fuzz;

/// <summary>Generates spoilt events (deterministic for a seed), each with the field its rejection must name.</summary>
internal sealed class MalformedEvents(Random random, string tag)
{
    private static readonly string[] Envelope = ["id", "type", "occurredAt", "unit", "dossier"];
    private static readonly JsonNode?[] WrongTypes = [42, true, new JsonArray(), new JsonObject(), null, 1.5e300];
    private static readonly string[] BadTimes =
    [
        "2024-02-30T08:00:00+07:00", "2024-13-01T08:00:00+07:00", "2024-06-10T24:00:00+07:00", "2024-06-10T08:60:00Z",
        "2024-06-10T08:00:00", "2024-06-10 08:00:00+07:00", "2024-06-10T08:00:00+15:00", "10/06/2024 08:00", "",
        "2024-06-10T08:00:00+0700", "+02024-06-10T08:00:00Z", "2099-01-01T00:00:00Z", "0000-00-00T00:00:00Z",
    ];

    private static readonly string[] Amounts = ["1e400", "123456789012345678901234567890", "-5", "0", "0.5", "1000000000001", "1e13"];
    private int _next;

    public FuzzCase Valid(out bool online)
    {
        online = random.Next(2) == 0;
        var e = Received(NextId(), NextDossier(), channel: online ? "online" : "direct");
        return new FuzzCase(Text(e), null, "valid");
    }

    public FuzzCase Malformed(bool ndjson)
    {
        var kind = random.Next(ndjson ? 13 : 12);
        switch (kind)
        {
            case 0:
            {
                var field = Pick(Envelope);
                var e = Received(NextId(), NextDossier());
                e.Remove(field);
                return new FuzzCase(Text(e), field, "missing " + field);
            }

            case 1:
            {
                var field = Pick(Envelope.Concat(["procedure", "channel"]).ToArray());
                var e = Received(NextId(), NextDossier());
                e[field] = WrongTypes[random.Next(WrongTypes.Length)]?.DeepClone();
                return new FuzzCase(Text(e), field, "wrong type of " + field);
            }

            case 2:
            {
                var field = Pick(["id", "dossier", "unit", "procedure"]);
                var e = Received(NextId(), NextDossier());
                e[field] = new string('x', 10_000 + random.Next(200_000));
                return new FuzzCase(Text(e), field, "huge " + field);
            }

            case 3:
            {
                var e = Received(NextId() + (char)random.Next(0, 32) + "x", NextDossier());
                return new FuzzCase(Text(e), "id", "control character in id");
            }

            case 4:
            {
                var field = Pick(["type", "unit", "dossier", "channel", "procedure", "occurredAt"]);
                var text = Text(Received(NextId(), NextDossier()));
                var twin = $"\"{field}\":\"again\",";
                return new FuzzCase(text.Insert(1, twin), field, "duplicate " + field);
            }

            case 5:
            {
                var e = Paid(NextId(), NextDossier());
                var text = Text(e).Replace("\"amount\":80000", "\"amount\":" + Pick(Amounts), StringComparison.Ordinal);
                return new FuzzCase(text, "amount", "enormous or impossible amount");
            }

            case 6:
            {
                var e = Received(NextId(), NextDossier());
                e["occurredAt"] = Pick(BadTimes);
                return new FuzzCase(Text(e), "occurredAt", "impossible occurredAt");
            }

            case 7:
            {
                var e = Received(NextId(), NextDossier());
                e["dueAt"] = Pick(["2024-02-30", "30/06/2024", "2024-06-10T25:00:00Z", "tomorrow", ""]);
                return new FuzzCase(Text(e), "dueAt", "impossible dueAt");
            }

            case 8:
            {
                var (field, value) = Pick(new[]
                {
                    ("type", "dossier.deleted"), ("unit", "000.99.99.H37"), ("procedure", "9.999999"), ("channel", "fax"),
                    ("channel", "Online"), ("type", "DOSSIER.RECEIVED"), ("unit", "000.07.12.H37\u0000"),
                });
                var e = Received(NextId(), NextDossier());
                e[field] = value;
                return new FuzzCase(Text(e), field, "unknown " + field);
            }

            case 9:
                return new FuzzCase(Pick(["42", "\"text\"", "[]", "null", "true", "[{}]", "-0.0"]), "body", "not an object");

            case 10:
            {
                var e = Paid(NextId(), NextDossier());
                e["method"] = Pick(["bitcoin", "ONLINE", "", " online"]);
                return new FuzzCase(Text(e), "method", "bad method");
            }

            case 11:
            {
                var e = Voided(NextId(), NextDossier());
                e["reason"] = Pick(["", "   ", "\t\n", new string('r', 1001)]);
                return new FuzzCase(Text(e), "reason", "blank or long reason");
            }

            default:
                return new FuzzCase(Pick(["{", "{\"id\":", "not json", "{\"id\":\"a\",}", "{'id':'a'}", "\u0001\u0002", "{\"id\":\"a\"} {}"]), "body", "not JSON");
        }
    }

    /// <summary>Whole request bodies that are not a readable JSON array: each must be a 400.</summary>
    public string BrokenBody()
    {
        var valid = Text(Received(NextId(), NextDossier()));
        return random.Next(8) switch
        {
            0 => "[" + valid + "," + valid[..random.Next(1, valid.Length)],
            // Deep and unterminated: not JSON. (Deep and balanced is JSON, judged per element: see InvalidInputTests.)
            1 => new string('[', 301 + random.Next(2000)) + new string(']', 300),
            2 => Encoding.Latin1.GetString(RandomBytes(1 + random.Next(400))),
            3 => "[" + valid + ",]",
            4 => "[" + valid + "] trailing",
            5 => "[NaN, Infinity]",
            6 => "/* comment */ [" + valid + "]",
            _ => "[\"\\ud800" + new string('x', random.Next(50)) + "\", " + valid + ",,]",
        };
    }

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        bytes[0] = (byte)'[';
        return bytes;
    }

    private T Pick<T>(T[] items) => items[random.Next(items.Length)];

    private string NextId() => string.Create(CultureInfo.InvariantCulture, $"fuzz-{tag}-{_next++}");

    private string NextDossier() => string.Create(CultureInfo.InvariantCulture, $"FZ-{tag}-{_next++}");
}
