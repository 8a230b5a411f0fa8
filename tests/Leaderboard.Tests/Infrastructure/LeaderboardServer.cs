using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using Leaderboard.Testing;
using Leaderboard.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;

namespace Leaderboard.Tests.Infrastructure;

/// <summary>A real web node (Kestrel on a free loopback port, co-hosted silo) in the test process.</summary>
public sealed class LeaderboardServer : IAsyncDisposable
{
    public const string AdminKey = "test-admin-key-0001";

    private readonly WebApplication _app;

    private LeaderboardServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
    }

    public Uri Address { get; }

    /// <summary>An HTTP client that sends the admin key.</summary>
    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a node; <paramref name="settings"/> are extra <c>--Key=value</c> settings (e.g. a connection string).</summary>
    /// <param name="port">The loopback port to listen on (to start a node again where browsers expect it); a free one when null.</param>
    public static async Task<LeaderboardServer> StartAsync(IDictionary<string, string>? settings = null, Action<WebApplicationBuilder>? configure = null, int? port = null)
    {
        // A port FreePort handed out can still be taken before Kestrel binds it (by another program on the machine): a
        // chosen port is tried again with another, a given one is not.
        for (var attempt = 1; ; attempt++)
        {
            var address = new Uri($"http://127.0.0.1:{port ?? FreePort.Get()}");
            var app = Create(address, settings, configure);
            try
            {
                await app.StartAsync();
            }
            catch (IOException ex) when (port is null && attempt < 5 && ex.InnerException is AddressInUseException)
            {
                // What did start (the co-hosted silo) stops before the next attempt.
                await app.StopAsync();
                await app.DisposeAsync();
                continue;
            }
            catch
            {
                // A start that fails (a test of a node set up wrong) leaves nothing running behind.
                await app.DisposeAsync();
                throw;
            }

            var server = new LeaderboardServer(app, address);
            await server.WaitReadyAsync();
            return server;
        }
    }

    public async Task WaitReadyAsync()
    {
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                using var response = await Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
            catch (SocketException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(60), "the node did not become ready");
    }

    public HubConnection CreateHub() =>
        new HubConnectionBuilder().WithUrl(new Uri(Address, "/hubs/leaderboard")).Build();

    public async Task<T> GetAsync<T>(string path) =>
        (await Client.GetFromJsonAsync<T>(new Uri(path, UriKind.Relative)))!;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static WebApplication Create(Uri address, IDictionary<string, string>? settings, Action<WebApplicationBuilder>? configure)
    {
        var args = new List<string>
        {
            $"--urls={address}",
            $"--contentRoot={Path.Combine(RepoPaths.Root, "web")}",
            $"--Leaderboard:AdminKey={AdminKey}",
            "--Leaderboard:Demo:Enabled=false",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string>())
        {
            args.Add($"--{k}={v}");
        }

        return LeaderboardApp.Create([.. args], b =>
        {
            b.Logging.ClearProviders();
            b.Logging.SetMinimumLevel(LogLevel.Warning);
            configure?.Invoke(b);
        });
    }
}
