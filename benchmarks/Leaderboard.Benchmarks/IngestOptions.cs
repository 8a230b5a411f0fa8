using System.Globalization;

namespace Leaderboard.Benchmarks;

/// <summary>The options of <c>ingest</c>; every one has a default, so the bare command is the reference run.</summary>
public sealed class IngestOptions
{
    /// <summary>Leaf units (communes) of the synthetic organisation, at least 2,000 for the reference run.</summary>
    public int Units { get; private set; } = 2_000;

    /// <summary>Events posted in the timed phase (re-sends included).</summary>
    public int Events { get; private set; } = 400_000;

    /// <summary>
    /// Events posted before the timed phase (not timed, not reported). About ten seconds of full load: the runtime
    /// recompiles the framework's precompiled code to its final tier for about seven seconds after the load starts
    /// (perf: the JIT at 23 %, 14 %, 9 %, then under 1 % of the node's samples, second by second), and the timed phase
    /// is meant to show the node as it runs for the campaign's months, not its first seconds.
    /// </summary>
    public int Warmup { get; private set; } = 400_000;

    /// <summary>Events per request.</summary>
    public int Batch { get; private set; } = 2_000;

    /// <summary>Concurrent HTTP/1.1 connections (and COPY connections for the baseline).</summary>
    public int Concurrency { get; private set; } = 4;

    /// <summary><c>ndjson</c> (default) or <c>json</c> (a JSON array per request).</summary>
    public string Format { get; private set; } = "ndjson";

    /// <summary>Seed of the organisation and the stream.</summary>
    public int Seed { get; private set; } = 20_240_606;

    /// <summary>The whole run is cancelled after this long.</summary>
    public TimeSpan Timeout { get; private set; } = TimeSpan.FromMinutes(15);

    /// <summary>Skip building the web node (it must already be built in Release).</summary>
    public bool NoBuild { get; private set; }

    /// <summary>Extra <c>--Key=value</c> arguments passed to the web node as they are (e.g. <c>--Leaderboard:Ledger:Shards=16</c>).</summary>
    public List<string> NodeArguments { get; } = [];

    public static string Usage =>
        """
        usage: dotnet run -c Release --project benchmarks/Leaderboard.Benchmarks -- ingest
                 [--units 2000] [--events 400000] [--warmup 400000] [--batch 2000] [--concurrency 4]
                 [--format ndjson|json] [--seed N] [--timeout-seconds 900] [--no-build]
                 [--node --Some:Key=value ...]   (everything after --node goes to the web node)
        """;

    public static IngestOptions Parse(IReadOnlyList<string> args)
    {
        var options = new IngestOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--node")
            {
                options.NodeArguments.AddRange(args.Skip(i + 1));
                break;
            }

            if (name == "--no-build")
            {
                options.NoBuild = true;
                continue;
            }

            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{name} needs a value.");
            }

            var value = args[++i];
            switch (name)
            {
                case "--units":
                    options.Units = Positive(name, value);
                    break;
                case "--events":
                    options.Events = Positive(name, value);
                    break;
                case "--warmup":
                    options.Warmup = int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
                    break;
                case "--batch":
                    options.Batch = Positive(name, value);
                    break;
                case "--concurrency":
                    options.Concurrency = Positive(name, value);
                    break;
                case "--format":
                    options.Format = value is "ndjson" or "json" ? value : throw new ArgumentException("--format is ndjson or json.");
                    break;
                case "--seed":
                    options.Seed = int.Parse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                    break;
                case "--timeout-seconds":
                    options.Timeout = TimeSpan.FromSeconds(Positive(name, value));
                    break;
                default:
                    throw new ArgumentException($"unknown option {name}");
            }
        }

        return options;
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a positive integer.");
}
