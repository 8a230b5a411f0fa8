using System.Net;
using System.Text.Json;
using Leaderboard.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using static Leaderboard.Tests.Api.SampleEvents;

namespace Leaderboard.Tests.Security;

/// <summary>
/// Viewing: open by default; with <c>Leaderboard:Viewers:RequireKey</c> the pages, the read API and the hub's
/// subscriptions need a valid key (bearer, or <c>?key=</c> once on a page, which becomes an HttpOnly SameSite=Strict
/// cookie), while health, the API reference and static assets stay open.
/// </summary>
public sealed class ViewerTests(ViewerFixture fixture) : IClassFixture<ViewerFixture>
{
    private const string Campaign = "snn-ls-2024-tttt";
    private const string Board = "don-vi";

    /// <summary>Sends no cookies and follows no redirects unless a test says so.</summary>
    private static readonly HttpClient Client = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromMinutes(1) };

    public static TheoryData<string> ViewerPaths() =>
    [
        "/api/v1/campaigns",
        $"/api/v1/campaigns/{Campaign}",
        $"/api/v1/campaigns/{Campaign}/boards/{Board}",
        $"/api/v1/campaigns/{Campaign}/units/{Unit}",
        "/",
        "/index.html",
        $"/wall?campaign={Campaign}&board={Board}",
        $"/units/{Unit}?campaign={Campaign}",
    ];

    public static TheoryData<string> OpenPaths() =>
    [
        "/health/live",
        "/health/ready",
        "/openapi/v1.json",
        "/docs/api",
        "/css/board.css",
        "/js/board.js",
    ];

    [Theory]
    [MemberData(nameof(ViewerPaths))]
    public async Task By_default_viewing_needs_no_key(string path)
    {
        using var response = await GetAsync(fixture.Open, path);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{(int)response.StatusCode} for {path}");
    }

    [Theory]
    [MemberData(nameof(ViewerPaths))]
    public async Task With_RequireKey_viewing_without_a_valid_key_is_401(string path)
    {
        foreach (var authorization in new string?[] { null, "Bearer khong-co-khoa-nay" })
        {
            using var response = await GetAsync(fixture.Locked, path, authorization);

            await IngestAnswer.ProblemAsync(response, HttpStatusCode.Unauthorized);
            Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        }
    }

    [Theory]
    [MemberData(nameof(OpenPaths))]
    public async Task With_RequireKey_health_the_API_reference_and_static_assets_stay_open(string path)
    {
        using var response = await GetAsync(fixture.Locked, path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task With_RequireKey_a_viewer_key_an_integrator_key_or_the_admin_key_may_view_and_a_revoked_one_may_not()
    {
        var tag = NewTag();
        var viewer = await AdminKeys.CreateAsync(fixture.Locked, $"man-hinh-{tag}", kind: "viewer");
        var integrator = await AdminKeys.CreateAsync(fixture.Locked, $"mot-cua-{tag}", [Unit]);
        foreach (var authorization in new[] { AdminKeys.Bearer(viewer), AdminKeys.Bearer(integrator), EventsEndpoint.Admin })
        {
            using var board = await GetAsync(fixture.Locked, $"/api/v1/campaigns/{Campaign}/boards/{Board}", authorization);
            Assert.Equal(HttpStatusCode.OK, board.StatusCode);
            Assert.Equal(Board, JsonDocument.Parse(await board.Content.ReadAsStringAsync()).RootElement.GetProperty("board").GetString());
            using var page = await GetAsync(fixture.Locked, "/", authorization);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        }

        await AdminKeys.RevokeAsync(fixture.Locked, viewer.GetProperty("id").GetString()!);
        using var revoked = await GetAsync(fixture.Locked, "/api/v1/campaigns", AdminKeys.Bearer(viewer));
        await IngestAnswer.ProblemAsync(revoked, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_page_opened_once_with_a_key_sets_an_HttpOnly_SameSite_Strict_cookie_and_drops_the_key_from_the_address()
    {
        var viewer = await AdminKeys.CreateAsync(fixture.Locked, $"tuong-{NewTag()}", kind: "viewer");
        var key = viewer.GetProperty("key").GetString()!;

        using var opened = await GetAsync(fixture.Locked, $"/wall?campaign={Campaign}&key={Uri.EscapeDataString(key)}&board={Board}");

        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal($"/wall?campaign={Campaign}&board={Board}", opened.Headers.Location?.OriginalString);
        var setCookie = Assert.Single(opened.Headers.GetValues("Set-Cookie"));
        var parts = setCookie.Split(';', StringSplitOptions.TrimEntries);
        Assert.Equal($"lb_viewer={key}", parts[0]);
        Assert.Contains("httponly", parts, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", parts, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("path=/", parts, StringComparer.OrdinalIgnoreCase);

        var cookie = parts[0];
        foreach (var path in new[] { $"/wall?campaign={Campaign}&board={Board}", "/", "/api/v1/campaigns", $"/api/v1/campaigns/{Campaign}/boards/{Board}" })
        {
            using var response = await GetAsync(fixture.Locked, path, cookie: cookie);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{(int)response.StatusCode} for {path}");
        }

        using var wrong = await GetAsync(fixture.Locked, "/?key=khong-co-khoa-nay");
        await IngestAnswer.ProblemAsync(wrong, HttpStatusCode.Unauthorized);
        Assert.False(wrong.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task The_viewer_cookie_never_authorises_a_write()
    {
        // Even the admin key, if someone opened a page with it, is only a viewing key as a cookie.
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.Locked.Address, EventsEndpoint.Path)) { Content = Content("[]") };
        request.Headers.Add("Cookie", $"lb_viewer={LeaderboardServer.AdminKey}");

        using var response = await Client.SendAsync(request);

        await IngestAnswer.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Hub_subscriptions_are_open_by_default_and_need_a_key_with_RequireKey()
    {
        await using (var open = fixture.Open.CreateHub())
        {
            await open.StartAsync();
            var snapshot = await open.InvokeAsync<JsonElement>("SubscribeBoard", Campaign, Board);
            Assert.Equal(Board, snapshot.GetProperty("board").GetString());
        }

        await using (var anonymous = fixture.Locked.CreateHub())
        {
            await anonymous.StartAsync();
            var refused = await Assert.ThrowsAsync<HubException>(() => anonymous.InvokeAsync<JsonElement>("SubscribeBoard", Campaign, Board));
            Assert.Contains("Cần khóa xem", refused.Message, StringComparison.Ordinal);
            await Assert.ThrowsAsync<HubException>(() => anonymous.InvokeAsync<JsonElement>("SubscribeUnit", Campaign, Unit));
        }

        var viewer = await AdminKeys.CreateAsync(fixture.Locked, $"hub-{NewTag()}", kind: "viewer");
        foreach (var transport in new[] { Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets, Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling })
        {
            await using var keyed = new HubConnectionBuilder()
                .WithUrl(new Uri(fixture.Locked.Address, "/hubs/leaderboard"), transport, o => o.AccessTokenProvider = () => Task.FromResult<string?>(viewer.GetProperty("key").GetString()))
                .Build();
            await keyed.StartAsync();
            var board = await keyed.InvokeAsync<JsonElement>("SubscribeBoard", Campaign, Board);
            Assert.Equal(Board, board.GetProperty("board").GetString());
            var unit = await keyed.InvokeAsync<JsonElement>("SubscribeUnit", Campaign, Unit);
            Assert.Equal(Unit, unit.GetProperty("unit").GetString());
        }
    }

    private static async Task<HttpResponseMessage> GetAsync(LeaderboardServer server, string path, string? authorization = null, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.Address, path));
        if (authorization is not null)
        {
            request.Headers.Add("Authorization", authorization);
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return await Client.SendAsync(request);
    }
}
