using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Leaderboard.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using static Leaderboard.Tests.Toolkit.ToolkitEvents;

namespace Leaderboard.Tests.Toolkit;

/// <summary>
/// Keys never appear in logs, also when a browser-style WebSocket passes its key as the <c>access_token</c> query value
/// (which ASP.NET Core's request logging would print): a node logging everything to memory, a raw WebSocket speaking
/// the SignalR JSON protocol without negotiation, an upload authenticated by that query value, then a search of
/// every captured line for the key.
/// </summary>
public sealed class HubKeyLoggingTests
{
    private const char RecordSeparator = '\u001e';

    [Fact]
    public async Task A_key_in_the_WebSocket_query_string_authenticates_the_upload_and_never_reaches_a_log()
    {
        var logs = new CapturedLogs();
        await using var server = await LeaderboardServer.StartAsync(configure: b =>
        {
            // Everything ASP.NET Core and SignalR log, down to Trace, whatever appsettings.json says.
            b.Configuration["Logging:LogLevel:Default"] = "Trace";
            b.Configuration["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
            b.Configuration["Logging:LogLevel:Orleans"] = "Warning";
            b.Logging.SetMinimumLevel(LogLevel.Trace);
            b.Logging.AddProvider(logs);
        });
        var tag = NewTag();
        var events = Receipts(tag, 5);
        var before = await UnitNumbers.DossiersAsync(server, Unit);

        var hub = new UriBuilder(server.Address) { Scheme = "ws", Path = "/hubs/leaderboard", Query = $"lang=vi&access_token={Uri.EscapeDataString(LeaderboardServer.AdminKey)}" }.Uri;
        using var socket = new ClientWebSocket();
        var received = new Queue<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await socket.ConnectAsync(hub, timeout.Token);
        await SendAsync(socket, """{"protocol":"json","version":1}""", timeout.Token);
        Assert.Equal("{}", await ReceiveAsync(socket, received, timeout.Token));
        await SendAsync(socket, """{"type":4,"invocationId":"1","target":"UploadEvents","arguments":[],"streamIds":["s"]}""", timeout.Token);
        foreach (var e in events)
        {
            await SendAsync(socket, $$"""{"type":2,"invocationId":"s","item":{{JsonSerializer.Serialize(e)}}}""", timeout.Token);
        }

        await SendAsync(socket, """{"type":3,"invocationId":"s"}""", timeout.Token);
        var accepted = 0;
        while (true)
        {
            using var message = JsonDocument.Parse(await ReceiveAsync(socket, received, timeout.Token));
            var root = message.RootElement;
            var type = root.GetProperty("type").GetInt32();
            if (type == 6)
            {
                continue;
            }

            if (type == 2)
            {
                accepted += root.GetProperty("item").GetProperty("accepted").GetInt32();
            }
            else if (type == 3)
            {
                Assert.False(root.TryGetProperty("error", out var error), error.ToString());
                break;
            }
        }

        Assert.Equal(5, accepted);
        await UnitNumbers.ExpectAsync(server, Unit, before.Plus(Online(5), 5));
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);

        // The connection was logged in detail (so the search below is not vacuous), but never the key. The request
        // line itself is kept out of the logs altogether (hosting diagnostics are capped at Warning).
        Assert.Contains(logs.Lines, l => l.Contains("SignalR", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains(LeaderboardServer.AdminKey, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("access_token", StringComparison.OrdinalIgnoreCase));
    }

    private static Task SendAsync(ClientWebSocket socket, string message, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message + RecordSeparator), WebSocketMessageType.Text, true, cancellationToken);

    /// <summary>The next message: frames may carry several messages (a ping and an item), or part of one.</summary>
    private static async Task<string> ReceiveAsync(ClientWebSocket socket, Queue<string> received, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        while (received.Count == 0)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
            var all = text.ToString();
            var end = all.LastIndexOf(RecordSeparator);
            if (end < 0)
            {
                continue;
            }

            foreach (var message in all[..end].Split(RecordSeparator))
            {
                received.Enqueue(message);
            }

            text.Clear().Append(all[(end + 1)..]);
        }

        return received.Dequeue();
    }
}
