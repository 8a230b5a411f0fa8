using Leaderboard.Benchmarks;
using Leaderboard.Benchmarks.Ingest;

if (args.Length == 0 || args[0] != "ingest")
{
    Console.Error.WriteLine(IngestOptions.Usage);
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
