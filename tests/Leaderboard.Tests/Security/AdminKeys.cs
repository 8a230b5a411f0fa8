using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Leaderboard.Tests.Infrastructure;

namespace Leaderboard.Tests.Security;

/// <summary>Calls <c>/api/v1/admin/keys</c> with exactly the <c>Authorization</c> header a test chooses (the admin key by default).</summary>
public static class AdminKeys
{
    public const string Path = "/api/v1/admin/keys";

    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromMinutes(1) };

    public static async Task<HttpResponseMessage> SendAsync(LeaderboardServer server, HttpMethod method, string path, JsonNode? body = null, string? authorization = EventsEndpoint.Admin)
    {
        using var request = new HttpRequestMessage(method, new Uri(server.Address, path));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (authorization is not null)
        {
            Assert.True(request.Headers.TryAddWithoutValidation("Authorization", authorization));
        }

        return await Client.SendAsync(request);
    }

    /// <summary>Creates a key with the admin key, asserts 201, and returns the answer (with the key, shown this once).</summary>
    public static async Task<JsonElement> CreateAsync(LeaderboardServer server, string name, string[]? units = null, bool? canWrite = null, string? kind = null)
    {
        var body = new JsonObject { ["name"] = name };
        if (units is not null)
        {
            body["units"] = new JsonArray([.. units.Select(u => JsonValue.Create(u))]);
        }

        if (canWrite is { } w)
        {
            body["canWrite"] = w;
        }

        if (kind is not null)
        {
            body["kind"] = kind;
        }

        using var response = await SendAsync(server, HttpMethod.Post, Path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task RevokeAsync(LeaderboardServer server, string id)
    {
        using var response = await SendAsync(server, HttpMethod.Delete, $"{Path}/{id}");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    public static string Bearer(JsonElement created) => "Bearer " + created.GetProperty("key").GetString();
}
