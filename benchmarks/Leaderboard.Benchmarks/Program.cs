using Leaderboard.Benchmarks;
using Leaderboard.Benchmarks.Activate;
using Leaderboard.Benchmarks.Ingest;
using Leaderboard.Benchmarks.Latency;
using Leaderboard.Benchmarks.Rank;

const string Commands = "commands: ingest | rank | latency | activate (each prints its own usage on a bad option)";

if (args.Length == 0)
{
    Console.Error.WriteLine(Commands);
    return 64;
}

try
{
    switch (args[0])
    {
        case "rank":
            return RankBenchmark.Run(RankOptions.Parse(args[1..]));
        case "latency":
            var latency = LatencyOptions.Parse(args[1..]);
            using (var bound = new CancellationTokenSource(latency.Timeout))
            {
                try
                {
                    return await LatencyBenchmark.RunAsync(latency, bound.Token);
                }
                catch (OperationCanceledException) when (bound.IsCancellationRequested)
                {
                    Console.Error.WriteLine($"Cancelled: the run did not finish within {latency.Timeout.TotalSeconds:F0} s.");
                    return 3;
                }
            }

        case "activate":
            var activate = ActivateOptions.Parse(args[1..]);
            using (var bound = new CancellationTokenSource(activate.Timeout))
            {
                try
                {
                    return await ActivateBenchmark.RunAsync(activate, bound.Token);
                }
                catch (OperationCanceledException) when (bound.IsCancellationRequested)
                {
                    Console.Error.WriteLine($"Cancelled: the run did not finish within {activate.Timeout.TotalSeconds:F0} s.");
                    return 3;
                }
            }

        case "ingest":
            break;
        default:
            Console.Error.WriteLine(Commands);
            return 64;
    }
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(args[0] switch
    {
        "latency" => LatencyOptions.Usage,
        "activate" => ActivateOptions.Usage,
        _ => RankOptions.Usage,
    });
    return 64;
}

IngestOptions options;
try
{
    options = IngestOptions.Parse(args[1..]);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(IngestOptions.Usage);
    return 64;
}

using var timeout = new CancellationTokenSource(options.Timeout);
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    timeout.Cancel();
};

try
{
    return await IngestBenchmark.RunAsync(options, timeout.Token);
}
catch (OperationCanceledException) when (timeout.IsCancellationRequested)
{
    Console.Error.WriteLine($"Cancelled: the run did not finish within {options.Timeout.TotalSeconds:F0} s (or was interrupted).");
    return 3;
}
