using System.Text.Json;
using System.Text.Json.Serialization;
using Leaderboard.Domain.Catalogue;

namespace Leaderboard.Benchmarks.Latency;

/// <summary>
/// Reads <see cref="BoardChangedMessage"/> from the hub's camelCase JSON, skipping every property it does not need
/// (names, scores, ranks, the other indicators). Reading only: the client never sends one.
/// </summary>
public sealed class BoardChangedMessageConverter : JsonConverter<BoardChangedMessage>
{
    public override BoardChangedMessage Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        var board = "";
        long version = 0;
        var entries = new List<EntryMessage>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("board"u8))
            {
                reader.Read();
                board = reader.GetString() ?? "";
            }
            else if (reader.ValueTextEquals("version"u8))
            {
                reader.Read();
                version = reader.GetInt64();
            }
            else if (reader.ValueTextEquals("entries"u8))
            {
                reader.Read();
                Expect(ref reader, JsonTokenType.StartArray);
                while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                {
                    entries.Add(ReadEntry(ref reader));
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new BoardChangedMessage(board, version, entries);
    }

    public override void Write(Utf8JsonWriter writer, BoardChangedMessage value, JsonSerializerOptions options) =>
        throw new NotSupportedException("The benchmark client only reads board changes.");

    private static EntryMessage ReadEntry(ref Utf8JsonReader reader)
    {
        var unit = "";
        long received = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("unit"u8))
            {
                reader.Read();
                unit = reader.GetString() ?? "";
            }
            else if (reader.ValueTextEquals("indicators"u8))
            {
                reader.Read();
                Expect(ref reader, JsonTokenType.StartObject);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var wanted = reader.ValueTextEquals(IndicatorIds.OnlineDossier);
                    reader.Read();
                    if (wanted)
                    {
                        received = ReadDenominator(ref reader);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new EntryMessage(unit, received);
    }

    private static long ReadDenominator(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        long denominator = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("denominator"u8))
            {
                reader.Read();
                denominator = reader.GetInt64();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return denominator;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType != type)
        {
            throw new JsonException($"expected {type}, found {reader.TokenType}");
        }
    }
}
