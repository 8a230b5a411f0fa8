using System.Net;
using Leaderboard.Tests.Infrastructure;

namespace Leaderboard.Tests.Security;

/// <summary>Security headers on pages, data and problems; CORS closed unless origins are configured.</summary>
public sealed class HardeningTests(LeaderboardServerFixture fixture) : IClassFixture<LeaderboardServerFixture>
{
    private static readonly HttpClient Client = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromMinutes(1) };

    [Theory]
    [InlineData("GET", "/")]
    [InlineData("HEAD", "/")]
    [InlineData("GET", "/api/v1/campaigns")]
    [InlineData("GET", "/api/v1/campaigns/khong-co")]
    [InlineData("POST", "/api/v1/events")]
    [InlineData("GET", "/js/board.js")]
    [InlineData("GET", "/docs/api")]
    [InlineData("GET", "/khong-co-trang-nay")]
    public async Task Every_answer_carries_the_security_headers(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(fixture.Server.Address, path));
        using var response = await Client.SendAsync(request);

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self' ws: wss:", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cross_origin_requests_get_no_CORS_grant_by_default()
    {
        using var preflight = await PreflightAsync(fixture.Server, "https://trang-khac.example");
        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Server.Address, "/api/v1/campaigns"));
        request.Headers.Add("Origin", "https://trang-khac.example");
        using var get = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.False(get.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Configured_origins_and_only_those_are_granted()
    {
        await using var server = await LeaderboardServer.StartAsync(new Dictionary<string, string> { ["Leaderboard:Cors:Origins:0"] = "https://cong.langson.example" });

        using (var allowed = await PreflightAsync(server, "https://cong.langson.example"))
        {
            Assert.Equal("https://cong.langson.example", Header(allowed, "Access-Control-Allow-Origin"));
            Assert.Contains("authorization", Header(allowed, "Access-Control-Allow-Headers"), StringComparison.OrdinalIgnoreCase);
        }

        using var other = await PreflightAsync(server, "https://trang-khac.example");
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static async Task<HttpResponseMessage> PreflightAsync(LeaderboardServer server, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, new Uri(server.Address, "/api/v1/events"));
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return await Client.SendAsync(request);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"no {name} header on {(int)response.StatusCode} {response.RequestMessage?.RequestUri}");
}
