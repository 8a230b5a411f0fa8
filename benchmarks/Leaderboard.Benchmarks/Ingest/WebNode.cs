using System.Diagnostics;
using System.Net;
using Leaderboard.Testing;

namespace Leaderboard.Benchmarks.Ingest;

/// <summary>The web node under test: the Release build of <c>web</c>, run as a separate process on 127.0.0.1.</summary>
public sealed class WebNode : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(2);

    private readonly Process _process;
    private readonly StreamWriter _log;
    private bool _closed;

    private WebNode(Process process, StreamWriter log, Uri address, string logFile)
    {
        _process = process;
        _log = log;
        Address = address;
        LogFile = logFile;
    }

    public Uri Address { get; }

    public string LogFile { get; }

    /// <summary>The node's process id (for <c>/proc</c> readings).</summary>
    public int ProcessId => _process.Id;

    /// <summary>CPU time the node has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Builds the web project in Release (unless told not to).</summary>
    public static async Task BuildAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, WorkingDirectory = RepoPaths.Root };
        foreach (var a in new[] { "build", RepoPaths.Combine("web", "Leaderboard.Web.csproj"), "-c", "Release", "-nologo", "-v", "q", "-clp:NoSummary" })
        {
            start.ArgumentList.Add(a);
        }

        using var build = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet build");
        await build.WaitForExitAsync(cancellationToken);
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet build of web failed");
        }
    }

    public static async Task<WebNode> StartAsync(string connectionString, string adminKey, string dataPath, string logFile, IReadOnlyList<string> extra, CancellationToken cancellationToken, TimeSpan? readyTimeout = null)
    {
        var project = RepoPaths.Combine("web");
        var output = Path.Combine(project, "bin", "Release", "net10.0");
        var dll = Path.Combine(output, "Leaderboard.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} not found: build web in Release first (or drop --no-build).");
        }

        var address = new Uri($"http://127.0.0.1:{FreePort.Get()}");
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        string[] arguments =
        [
            dll,
            "--urls", address.ToString().TrimEnd('/'),
            $"--ConnectionStrings:Leaderboard={connectionString}",
            $"--Leaderboard:AdminKey={adminKey}",
            "--Leaderboard:Demo:Enabled=false",
            $"--Leaderboard:DataPath={dataPath}",
            .. extra,
        ];
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        var log = new StreamWriter(logFile) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the web node");
        var node = new WebNode(process, log, address, logFile);
        process.OutputDataReceived += (_, e) => node.Write(e.Data);
        process.ErrorDataReceived += (_, e) => node.Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await node.WaitUntilReadyAsync(readyTimeout ?? ReadyTimeout, cancellationToken);
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(wait.Token);
        }

        _process.Dispose();
        lock (_log)
        {
            _closed = true;
            _log.Dispose();
        }
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            if (!_closed)
            {
                _log.WriteLine(line);
            }
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan readyTimeout, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < readyTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the web node exited with {_process.ExitCode}; see {LogFile}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A slow start: ask again.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }

        throw new TimeoutException($"the web node was not ready within {readyTimeout.TotalSeconds:F0} s; see {LogFile}");
    }
}
