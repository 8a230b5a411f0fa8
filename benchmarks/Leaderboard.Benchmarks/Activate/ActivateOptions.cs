using Leaderboard.Benchmarks.Common;

namespace Leaderboard.Benchmarks.Activate;

/// <summary>The options of <c>activate</c>; the bare command is the reference run.</summary>
public sealed class ActivateOptions
{
    private static readonly HashSet<string> ValueNames = ["--units", "--events", "--seed", "--timeout-seconds"];

    private static readonly HashSet<string> FlagNames = ["--no-build"];

    public int Units { get; private init; } = 2_000;

    /// <summary>Distinct events written into the one shard's journal.</summary>
    public int Events { get; private init; } = 1_000_000;

    public int Seed { get; private init; } = 20_240_606;

    public TimeSpan Timeout { get; private init; } = TimeSpan.FromMinutes(20);

    public bool NoBuild { get; private init; }

    public List<string> NodeArguments { get; private init; } = [];

    public static string Usage =>
        """
        usage: dotnet run -c Release --project benchmarks/Leaderboard.Benchmarks -- activate
                 [--units 2000] [--events 1000000] [--seed N] [--timeout-seconds 1200] [--no-build]
                 [--node --Some:Key=value ...]   (everything after --node goes to the web node)
        """;

    public static ActivateOptions Parse(IReadOnlyList<string> args)
    {
        var a = CommandArguments.Parse(args, ValueNames, FlagNames);
        return new ActivateOptions
        {
            Units = a.Positive("--units", 2_000),
            Events = a.Positive("--events", 1_000_000),
            Seed = a.Integer("--seed", 20_240_606),
            Timeout = TimeSpan.FromSeconds(a.Positive("--timeout-seconds", 1_200)),
            NoBuild = a.Flag("--no-build"),
            NodeArguments = a.NodeArguments,
        };
    }
}
