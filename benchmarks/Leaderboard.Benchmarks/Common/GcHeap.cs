using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Leaderboard.Benchmarks.Common;

/// <summary>
/// Another process's GC heap after a full, induced collection, read with the .NET diagnostic tools if they are
/// installed (<c>~/.dotnet/tools</c> or PATH): <c>dotnet-trace</c> with the GC heap-collect keyword forces the
/// collection (as a heap dump would), then <c>dotnet-counters</c> reads <c>dotnet.gc.last_collection.heap.size</c>
/// summed over generations. Null when a tool is missing or fails: the report says n/a rather than guessing.
/// </summary>
public static class GcHeap
{
    private const string HeapSizeCounter = "dotnet.gc.last_collection.heap.size";

    public static async Task<long?> ReadAsync(int processId, CancellationToken cancellationToken)
    {
        var trace = Tool("dotnet-trace");
        var counters = Tool("dotnet-counters");
        if (trace is null || counters is null)
        {
            return null;
        }

        var folder = Path.Combine(Path.GetTempPath(), $"leaderboard-gcheap-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(folder);
        try
        {
            // Keyword 0x800000 (GCHeapCollect) makes the runtime run a blocking full GC when the session starts.
            if (!await RunAsync(trace, ["collect", "-p", Id(processId), "--providers", "Microsoft-Windows-DotNETRuntime:0x800001:4", "--duration", "00:00:00:03", "-o", Path.Combine(folder, "gc.nettrace")], cancellationToken))
            {
                return null;
            }

            var output = Path.Combine(folder, "counters.json");
            if (!await RunAsync(counters, ["collect", "-p", Id(processId), "--counters", $"System.Runtime[{HeapSizeCounter}]", "--format", "json", "-o", output, "--duration", "00:00:00:04"], cancellationToken)
                || !File.Exists(output))
            {
                return null;
            }

            return Parse(await File.ReadAllTextAsync(output, cancellationToken));
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temp folder.
            }
        }
    }

    private static long? Parse(string text)
    {
        // The tool can leave the array unterminated when stopped by --duration.
        var trimmed = text.TrimEnd();
        if (!trimmed.EndsWith('}'))
        {
            trimmed = trimmed.TrimEnd(',') + "]}";
        }

        using var document = JsonDocument.Parse(trimmed);
        var last = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var e in document.RootElement.GetProperty("Events").EnumerateArray())
        {
            var name = e.GetProperty("name").GetString() ?? "";
            if (name.StartsWith(HeapSizeCounter, StringComparison.Ordinal))
            {
                last[e.TryGetProperty("tags", out var tags) ? tags.ToString() : ""] = e.GetProperty("value").GetDouble();
            }
        }

        return last.Count == 0 ? null : (long)last.Values.Sum();
    }

    private static string Id(int processId) => processId.ToString(CultureInfo.InvariantCulture);

    private static string? Tool(string name)
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var candidates = new List<string> { Path.Combine(home, ".dotnet", "tools", name) };
        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(p => Path.Combine(p, name)));
        return candidates.FirstOrDefault(File.Exists);
    }

    private static async Task<bool> RunAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(tool) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start);
        if (process is null)
        {
            return false;
        }

        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            return false;
        }

        await Task.WhenAll(stdout, stderr);
        return process.ExitCode == 0;
    }
}
