using Leaderboard.Benchmarks.Common;

namespace Leaderboard.Benchmarks.Latency;

/// <summary>The options of <c>latency</c>; the bare command is the reference run.</summary>
public sealed class LatencyOptions
{
    private static readonly HashSet<string> ValueNames =
        ["--units", "--clients", "--hub-connections", "--unit-clients", "--rate", "--seconds", "--warmup-seconds", "--batch", "--marker-interval-ms", "--seed", "--timeout-seconds"];

    private static readonly HashSet<string> FlagNames = ["--no-build"];

    public int Units { get; private init; } = 2_000;

    /// <summary>SignalR clients (WebSockets), spread round-robin over every board of the campaign.</summary>
    public int Clients { get; private init; } = 1_000;

    /// <summary>
    /// How many of <see cref="Clients"/> are full <c>HubConnection</c>s (the .NET SignalR client) instead of the minimal
    /// WebSocket client, as a cross-check (default 20: one on each marker board).
    /// </summary>
    public int HubConnections { get; private init; } = 20;

    /// <summary>Extra minimal clients subscribed with <c>SubscribeUnit</c> to the marker units (a unit page), measuring <c>UnitChanged</c>.</summary>
    public int UnitClients { get; private init; } = 20;

    /// <summary>Background events per second, offered on a fixed schedule whatever the node's answers.</summary>
    public int Rate { get; private init; } = 5_000;

    /// <summary>Length of the measured phase.</summary>
    public int Seconds { get; private init; } = 60;

    /// <summary>Load before the measured phase (markers posted then are not counted).</summary>
    public int WarmupSeconds { get; private init; } = 10;

    /// <summary>Events per background request.</summary>
    public int Batch { get; private init; } = 250;

    /// <summary>One marker request every this many milliseconds, round-robin over the marker units.</summary>
    public int MarkerIntervalMs { get; private init; } = 100;

    public int Seed { get; private init; } = 20_240_606;

    public TimeSpan Timeout { get; private init; } = TimeSpan.FromMinutes(10);

    public bool NoBuild { get; private init; }

    public List<string> NodeArguments { get; private init; } = [];

    public static string Usage =>
        """
        usage: dotnet run -c Release --project benchmarks/Leaderboard.Benchmarks -- latency
                 [--units 2000] [--clients 1000] [--hub-connections 20] [--unit-clients 20] [--rate 5000] [--seconds 60] [--warmup-seconds 10]
                 [--batch 250] [--marker-interval-ms 100] [--seed N] [--timeout-seconds 600] [--no-build]
                 [--node --Some:Key=value ...]   (everything after --node goes to the web node)
        """;

    public static LatencyOptions Parse(IReadOnlyList<string> args)
    {
        var a = CommandArguments.Parse(args, ValueNames, FlagNames);
        return new LatencyOptions
        {
            Units = a.Positive("--units", 2_000),
            Clients = a.Positive("--clients", 1_000),
            HubConnections = a.Integer("--hub-connections", 20),
            UnitClients = a.Integer("--unit-clients", 20),
            Rate = a.Positive("--rate", 5_000),
            Seconds = a.Positive("--seconds", 60),
            WarmupSeconds = a.Positive("--warmup-seconds", 10),
            Batch = a.Positive("--batch", 250),
            MarkerIntervalMs = a.Positive("--marker-interval-ms", 100),
            Seed = a.Integer("--seed", 20_240_606),
            Timeout = TimeSpan.FromSeconds(a.Positive("--timeout-seconds", 600)),
            NoBuild = a.Flag("--no-build"),
            NodeArguments = a.NodeArguments,
        };
    }
}
