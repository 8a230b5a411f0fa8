using Leaderboard.Importer;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Ctrl+C stops the import; the checkpoint of the last acknowledged batch lets a re-run continue from there.
    e.Cancel = true;
    stop.Cancel();
};

return await ImportCommand.RunAsync(args, Environment.GetEnvironmentVariable, Console.Out, Console.Error, !Console.IsErrorRedirected, stop.Token);
