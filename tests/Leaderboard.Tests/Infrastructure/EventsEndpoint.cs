namespace Leaderboard.Tests.Infrastructure;

/// <summary>Sends <c>POST /api/v1/events</c> with exactly the <c>Authorization</c> header a test chooses.</summary>
public static class EventsEndpoint
{
    public const string Path = "/api/v1/events";

    /// <summary>The admin key as a bearer header, the default.</summary>
    public const string Admin = "Bearer " + LeaderboardServer.AdminKey;

    /// <summary>No default headers, so a test can send none, a malformed one, or another scheme.</summary>
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromMinutes(2) };

    /// <param name="authorization">The raw header value; null sends no <c>Authorization</c> header at all.</param>
    public static async Task<HttpResponseMessage> PostAsync(LeaderboardServer server, HttpContent content, string? authorization = Admin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Address, Path)) { Content = content };
        if (authorization is not null)
        {
            Assert.True(request.Headers.TryAddWithoutValidation("Authorization", authorization));
        }

        return await Client.SendAsync(request);
    }
}
