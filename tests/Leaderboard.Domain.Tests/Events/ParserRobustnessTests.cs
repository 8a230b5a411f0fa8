using System.Text;
using Leaderboard.Domain.Events;
using Microsoft.Extensions.Time.Testing;

namespace Leaderboard.Domain.Tests.Events;

/// <summary>The parser answers every input with an outcome and never throws.</summary>
public sealed class ParserRobustnessTests
{
    private readonly EventParser _parser = new(EventSamples.Catalogue, new FakeTimeProvider(EventSamples.Now));

    [Fact]
    public void Mutated_lines_never_throw()
    {
        var random = new Random(20240606);
        byte[][] seeds =
        [
            Encoding.UTF8.GetBytes(EventSamples.Received().ToJsonString()),
            Encoding.UTF8.GetBytes(EventSamples.Paid().ToJsonString()),
            Encoding.UTF8.GetBytes(EventSamples.Voided().ToJsonString()),
            Encoding.UTF8.GetBytes("""{"id":"\ud800\u0000","type":"dossier.finished","occurredAt":"2024-06-15T16:00:00.1234567890123Z","unit":"000.07.12.H37","dossier":"d","dueAt":"2024-06-15T23:59:59-14:00","x":[1e999999999999999999,-0.0e-5,{"a":"\udfff"}]}"""),
        ];
        byte[] alphabet = [.. "{}[]\":,.-+eE0123456789\\u tnfalsrZT"u8, 0x00, 0x7F, 0xC3, 0xA9, 0xFF, 0xED, 0xA0, 0x80];
        var accepted = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var line = seeds[random.Next(seeds.Length)].ToList();
            var edits = random.Next(1, 4);
            for (var e = 0; e < edits && line.Count > 0; e++)
            {
                var at = random.Next(line.Count);
                switch (random.Next(3))
                {
                    case 0:
                        line[at] = alphabet[random.Next(alphabet.Length)];
                        break;
                    case 1:
                        line.Insert(at, alphabet[random.Next(alphabet.Length)]);
                        break;
                    default:
                        line.RemoveAt(at);
                        break;
                }
            }

            var outcome = _parser.ParseLine(line.ToArray());
            Assert.True(outcome.IsAccepted ^ (outcome.Rejection is not null));
            if (outcome.IsAccepted)
            {
                accepted++;
                Assert.Equal(outcome.Event!.Event, EventParser.ParseStored(outcome.Event.Content, EventSamples.Catalogue.TimeZone));
            }
        }

        Assert.InRange(accepted, 1, 19_999);
    }

    [Theory]
    [InlineData(13)]
    [InlineData(100_000)]
    [InlineData(5_000_000)]
    public void Huge_values_are_rejected_by_field(int size)
    {
        var huge = new string('9', size);
        var json = EventSamples.Paid().ToJsonString().Replace("\"amount\":80000", $"\"amount\":{huge}1", StringComparison.Ordinal)
            .Replace("\"P1\"", $"\"{new string('p', size)}\"", StringComparison.Ordinal);
        var outcome = _parser.ParseLine(Encoding.UTF8.GetBytes(json));
        Assert.Equal(size <= 64 ? "amount" : "payment", outcome.Rejection!.Field);
    }

    [Fact]
    public void Control_characters_and_nul_in_unknown_fields_are_accepted()
    {
        var json = EventSamples.Finished().ToJsonString().TrimEnd('}') + ",\"note\":\"\\u0000\\u001f\\ud800\"}";
        Assert.True(_parser.ParseLine(Encoding.UTF8.GetBytes(json)).IsAccepted);
    }

    [Fact]
    public void Raw_control_characters_are_not_json()
    {
        var json = EventSamples.Finished().ToJsonString().Replace("\"d", "\"\u0001d", StringComparison.Ordinal);
        Assert.Equal("body", _parser.ParseLine(Encoding.UTF8.GetBytes(json)).Rejection!.Field);
    }

    [Fact]
    public void Overlong_and_surrogate_utf8_encodings_are_body()
    {
        var valid = Encoding.UTF8.GetBytes(EventSamples.Finished().ToJsonString());
        var at = Array.IndexOf(valid, (byte)'d', 10);
        foreach (byte[] bad in new[] { new byte[] { 0xC0, 0xAF }, [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80] })
        {
            byte[] line = [.. valid.AsSpan(0, at), .. bad, .. valid.AsSpan(at)];
            Assert.Equal(new EventRejection(null, "body", "không phải UTF-8 hợp lệ"), _parser.ParseLine(line).Rejection);
        }
    }
}
