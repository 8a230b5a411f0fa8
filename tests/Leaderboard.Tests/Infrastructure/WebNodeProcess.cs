using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Reflection;
using Leaderboard.Testing;

namespace Leaderboard.Tests.Infrastructure;

/// <summary>
/// The built web node (<c>web/bin/&lt;Configuration&gt;/net10.0/Leaderboard.Web.dll</c>) run as its own OS process, so
/// that a test can kill it the hard way. Its stdout and stderr go to <see cref="LogFile"/> for diagnostics.
/// </summary>
public sealed class WebNodeProcess : IAsyncDisposable
{
    public const string AdminKey = "kill-test-admin-key";

    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ExitWithin = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();
    private bool _logClosed;

    private WebNodeProcess(Process process, StreamWriter log, string logFile, Uri address)
    {
        _process = process;
        _log = log;
        LogFile = logFile;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
    }

    public Uri Address { get; }

    /// <summary>An HTTP client for this node that sends the admin key.</summary>
    public HttpClient Client { get; }

    /// <summary>The node's stdout and stderr.</summary>
    public string LogFile { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The folder of the built web node: the test assembly's configuration, net10.0.</summary>
    public static string OutputFolder
    {
        get
        {
            var configuration = typeof(WebNodeProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration
                ?? Path.GetFileName(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)))
                ?? "Debug";
            return RepoPaths.Combine("web", "bin", configuration, "net10.0");
        }
    }

    /// <summary>
    /// Starts a node on a free loopback port with the given database, the admin key and no demo feed, plus
    /// <paramref name="settings"/> as further <c>--Key=value</c> arguments; returns once /health/ready answers 200.
    /// </summary>
    /// <param name="workingDirectory">Where the process starts (default: the node's own folder).</param>
    public static async Task<WebNodeProcess> StartAsync(
        string connectionString, string logFile, IReadOnlyDictionary<string, string>? settings = null, string? workingDirectory = null)
    {
        var folder = OutputFolder;
        var assembly = Path.Combine(folder, "Leaderboard.Web.dll");
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException($"The web node is not built: {assembly} is missing.");
        }

        var address = new Uri($"http://127.0.0.1:{FreePort.Get()}");
        var startInfo = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory ?? folder,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.ArgumentList.Add(assembly);
        startInfo.ArgumentList.Add($"--urls={address}");
        startInfo.ArgumentList.Add($"--ConnectionStrings:Leaderboard={connectionString}");
        startInfo.ArgumentList.Add($"--Leaderboard:AdminKey={AdminKey}");
        startInfo.ArgumentList.Add("--Leaderboard:Demo:Enabled=false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            startInfo.ArgumentList.Add($"--{key}={value}");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        var process = new Process { StartInfo = startInfo };
        WebNodeProcess node;
        try
        {
            if (!process.Start())
            {
                throw new InvalidOperationException($"Could not start {startInfo.FileName} {assembly}.");
            }

            node = new WebNodeProcess(process, log, logFile, address);
        }
        catch
        {
            process.Dispose();
            await log.DisposeAsync();
            throw;
        }

        process.OutputDataReceived += (_, e) => node.Write(e.Data);
        process.ErrorDataReceived += (_, e) => node.Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await node.WaitReadyAsync();
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }

        return node;
    }

    /// <summary>SIGKILL on Linux: no shutdown code of the node runs.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>Waits (bounded) until the process has gone, so that nothing of it is left when the next one starts.</summary>
    public async Task WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(ExitWithin);
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>The log so far (the console logger writes from a queue, so recent lines may still be on their way).</summary>
    public string ReadLog()
    {
        using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                Kill();
            }

            await WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped: nothing to stop.
        }
        finally
        {
            lock (_logLock)
            {
                _logClosed = true;
                _log.Dispose();
            }

            _process.Dispose();
        }
    }

    private async Task WaitReadyAsync()
    {
        await Eventually.TrueAsync(async () =>
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The web node exited with {_process.ExitCode} before it was ready. Log {LogFile}:\n{Tail()}");
            }

            try
            {
                using var response = await Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
            catch (SocketException)
            {
                return false;
            }
        }, ReadyWithin, $"the web node (pid {_process.Id}) was not ready; log {LogFile}");
    }

    private string Tail()
    {
        var text = ReadLog();
        return text.Length <= 4_000 ? text : text[^4_000..];
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            if (!_logClosed)
            {
                _log.WriteLine(line);
            }
        }
    }

    /// <summary>The dotnet host that runs the tests (set by the SDK for child processes), else the one on the PATH.</summary>
    internal static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        if (Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet")
        {
            return path;
        }

        return "dotnet";
    }
}
