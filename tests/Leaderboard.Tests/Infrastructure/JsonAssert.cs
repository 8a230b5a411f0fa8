using System.Text.Json;

namespace Leaderboard.Tests.Infrastructure;

/// <summary>Compares the fields an expected JSON object names with an actual one: numbers by value, everything else exactly.</summary>
public static class JsonAssert
{
    /// <summary>The differences, as paths with both values; empty when every expected field matches.</summary>
    public static List<string> Differences(JsonElement expected, JsonElement actual, string path = "$")
    {
        var diffs = new List<string>();
        Compare(expected, actual, path, diffs);
        return diffs;
    }

    public static void Subset(JsonElement expected, JsonElement actual, string path = "$")
    {
        var diffs = Differences(expected, actual, path);
        Assert.True(diffs.Count == 0, string.Join(Environment.NewLine, diffs.Take(30)));
    }

    private static void Compare(JsonElement expected, JsonElement actual, string path, List<string> diffs)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                if (actual.ValueKind != JsonValueKind.Object)
                {
                    diffs.Add($"{path}: expected an object, got {actual.GetRawText()}");
                    return;
                }

                foreach (var p in expected.EnumerateObject())
                {
                    if (actual.TryGetProperty(p.Name, out var a))
                    {
                        Compare(p.Value, a, $"{path}.{p.Name}", diffs);
                    }
                    else
                    {
                        diffs.Add($"{path}.{p.Name}: missing");
                    }
                }

                break;
            case JsonValueKind.Array:
                if (actual.ValueKind != JsonValueKind.Array || actual.GetArrayLength() != expected.GetArrayLength())
                {
                    diffs.Add($"{path}: expected {expected.GetArrayLength()} items, got {actual.GetRawText()[..Math.Min(200, actual.GetRawText().Length)]}");
                    return;
                }

                var i = 0;
                foreach (var (e, a) in expected.EnumerateArray().Zip(actual.EnumerateArray()))
                {
                    Compare(e, a, $"{path}[{i++}]", diffs);
                }

                break;
            case JsonValueKind.Number:
                if (actual.ValueKind != JsonValueKind.Number || expected.GetDouble() != actual.GetDouble())
                {
                    diffs.Add($"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}");
                }

                break;
            default:
                if (expected.GetRawText() != actual.GetRawText())
                {
                    diffs.Add($"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}");
                }

                break;
        }
    }
}
