using Leaderboard.Benchmarks.Common;

namespace Leaderboard.Benchmarks.Rank;

/// <summary>The options of <c>rank</c>; the bare command is the reference run.</summary>
public sealed class RankOptions
{
    private static readonly HashSet<string> ValueNames = ["--units", "--changed", "--iterations", "--warmup", "--seed"];

    /// <summary>Units on the board.</summary>
    public int Units { get; private init; } = 10_000;

    /// <summary>Units whose standing changes between two re-ranks.</summary>
    public int Changed { get; private init; } = 1_000;

    /// <summary>Timed re-ranks (each followed by one baseline sort).</summary>
    public int Iterations { get; private init; } = 2_000;

    /// <summary>Untimed re-ranks first, for the JIT's tiers and the caches.</summary>
    public int Warmup { get; private init; } = 300;

    public int Seed { get; private init; } = 20_240_606;

    public static string Usage =>
        """
        usage: dotnet run -c Release --project benchmarks/Leaderboard.Benchmarks -- rank
                 [--units 10000] [--changed 1000] [--iterations 2000] [--warmup 300] [--seed N]
        """;

    public static RankOptions Parse(IReadOnlyList<string> args)
    {
        var a = CommandArguments.Parse(args, ValueNames, new HashSet<string>());
        var options = new RankOptions
        {
            Units = a.Positive("--units", 10_000),
            Changed = a.Positive("--changed", 1_000),
            Iterations = a.Positive("--iterations", 2_000),
            Warmup = a.Positive("--warmup", 300),
            Seed = a.Integer("--seed", 20_240_606),
        };
        return options.Changed > options.Units ? throw new ArgumentException("--changed cannot exceed --units.") : options;
    }
}
