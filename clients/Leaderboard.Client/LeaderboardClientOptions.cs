using Microsoft.AspNetCore.Http.Connections.Client;

namespace Leaderboard.Client;

/// <summary>Where the server is, the key, and how patiently to retry.</summary>
public sealed class LeaderboardClientOptions
{
    /// <summary>The node, e.g. <c>https://thidua.example.gov.vn/</c>.</summary>
    public required Uri BaseAddress { get; set; }

    /// <summary>The integrator key (sent as <c>Authorization: Bearer</c>, and as the hub connection's access token).</summary>
    public string? Key { get; set; }

    /// <summary>One HTTP attempt may take this long (default 100 s); a timed-out attempt is retried.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Retries after the first attempt (default 8); for a stream, consecutive reconnects without progress.</summary>
    public int MaxRetries { get; set; } = 8;

    /// <summary>The first back-off (default 200 ms); it doubles per retry, with jitter, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest back-off (default 30 s). A server's <c>Retry-After</c> is honoured as sent.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary><see cref="LeaderboardClient.SendAsync"/> sends a JSON array up to this many events (default 5,000), NDJSON above.</summary>
    public int NdjsonThreshold { get; set; } = 5_000;

    /// <summary>A stream keeps at most this many events sent but not yet acknowledged (default 10,000): what a reconnect resends.</summary>
    public int MaxInFlight { get; set; } = 10_000;

    /// <summary>The hub's path (default <c>/hubs/leaderboard</c>).</summary>
    public string HubPath { get; set; } = "/hubs/leaderboard";

    /// <summary>How long a hub connection may stay silent before it counts as dropped (default 30 s).</summary>
    public TimeSpan HubServerTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>More settings of the hub connection (transports, proxy, handlers); the access token is set by the client.</summary>
    public Action<HttpConnectionOptions>? ConfigureHub { get; set; }

    /// <summary>Called before each retry or reconnect, e.g. to show it.</summary>
    public Action<RetryNotice>? OnRetry { get; set; }

    /// <summary>The clock for back-off and timeouts.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;
}
