using System.Text.Json;
using System.Text.Json.Serialization;

namespace Leaderboard.Web.Api;

/// <summary>Writes decimals without trailing zeros (a target of 0.90 is written 0.9), as the examples show them.</summary>
public sealed class NormalizedDecimalConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value / 1.0000000000000000000000000000m);
}
