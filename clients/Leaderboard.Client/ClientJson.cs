using System.Text.Encodings.Web;
using System.Text.Json;

namespace Leaderboard.Client;

/// <summary>How events and answers are written and read: camelCase, Vietnamese text as UTF-8 rather than escapes.</summary>
internal static class ClientJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
