using System.Net;
using Leaderboard.Tests.Infrastructure;
using Leaderboard.Web.Hosting;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Leaderboard.Tests.Api.SampleEvents;

namespace Leaderboard.Tests.Security;

/// <summary>
/// Every log line of a node (every category, Information and up, with ASP.NET Core's own logging turned up as an
/// operator might) across a generated admin key, key creation, use as a bearer, a cookie and a hub token, failed
/// authentication and revocation: no key appears, not in a message, a structured value or an exception.
/// </summary>
public sealed class SecretsInLogsTests
{
    private const string ConfiguredKey = "khoa-cau-hinh-bi-mat-41c9";

    [Fact]
    public async Task No_key_reaches_a_log_sink()
    {
        var logs = new CapturedLogs();
        await using var server = await LeaderboardServer.StartAsync(
            new Dictionary<string, string>
            {
                ["Leaderboard:AdminKey"] = "",
                ["Leaderboard:Viewers:RequireKey"] = "true",
                ["Leaderboard:Keys:0:Name"] = "cau-hinh",
                ["Leaderboard:Keys:0:Key"] = ConfiguredKey,
                ["Leaderboard:Keys:0:Units:0"] = Unit,
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
            },
            b =>
            {
                b.Logging.AddProvider(logs);
                b.Logging.SetMinimumLevel(LogLevel.Information);
            });
        var generated = server.Services.GetRequiredService<AdminKey>();
        Assert.True(generated.Generated);
        var admin = "Bearer " + generated.Value;
        var unknown = "khoa-khong-ton-tai-" + NewTag();

        var integrator = await CreateAsync(server, admin, """{"name":"mot-cua","units":["000.07.12.H37"]}""");
        var viewer = await CreateAsync(server, admin, """{"name":"man-hinh","kind":"viewer"}""");
        var integratorKey = integrator.GetProperty("key").GetString()!;
        var viewerKey = viewer.GetProperty("key").GetString()!;

        var tag = NewTag();
        using (var write = await EventsEndpoint.PostAsync(server, Content(Array(Received($"logs-{tag}", $"D-{tag}"))), "Bearer " + integratorKey))
        {
            IngestAnswer.Tally(await IngestAnswer.OkAsync(write), accepted: 1, duplicates: 0);
        }

        using (var write = await EventsEndpoint.PostAsync(server, Content("[]"), "Bearer " + ConfiguredKey))
        {
            Assert.Equal(HttpStatusCode.OK, write.StatusCode);
        }

        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
        using (var page = await client.GetAsync(new Uri(server.Address, $"/?key={viewerKey}")))
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        }

        using (var page = await client.GetAsync(new Uri(server.Address, $"/?key={unknown}")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        }

        await using (var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(server.Address, "/hubs/leaderboard"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(viewerKey))
            .Build())
        {
            await hub.StartAsync();
            await hub.InvokeAsync<object>("SubscribeBoard", "snn-ls-2024-tttt", "don-vi");
        }

        using (var failed = await EventsEndpoint.PostAsync(server, Content("[]"), "Bearer " + unknown))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using (var forbidden = await AdminKeys.SendAsync(server, HttpMethod.Get, AdminKeys.Path, authorization: "Bearer " + integratorKey))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        using (var revoke = await AdminKeys.SendAsync(server, HttpMethod.Delete, $"{AdminKeys.Path}/{integrator.GetProperty("id").GetString()}", authorization: admin))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        using (var revoked = await EventsEndpoint.PostAsync(server, Content("[]"), "Bearer " + integratorKey))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        }

        var lines = logs.Lines.ToList();

        // The capture works: the events around the keys were logged, by id and name.
        Assert.Contains(lines, l => l.Contains("Đã tạo khóa", StringComparison.Ordinal) && l.Contains(integrator.GetProperty("id").GetString()!, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Đã thu hồi khóa", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Từ chối yêu cầu tới /api/v1/events", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Microsoft.AspNetCore", StringComparison.Ordinal));
        foreach (var secret in new[] { generated.Value, integratorKey, viewerKey, ConfiguredKey, unknown })
        {
            var leaked = lines.FirstOrDefault(l => l.Contains(secret, StringComparison.Ordinal));
            Assert.True(leaked is null, $"a key reached the logs: {leaked}");
        }
    }

    private static async Task<System.Text.Json.JsonElement> CreateAsync(LeaderboardServer server, string admin, string body)
    {
        using var response = await AdminKeys.SendAsync(server, HttpMethod.Post, AdminKeys.Path, System.Text.Json.Nodes.JsonNode.Parse(body), admin);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return System.Text.Json.JsonDocument.Parse(text).RootElement.Clone();
    }
}
