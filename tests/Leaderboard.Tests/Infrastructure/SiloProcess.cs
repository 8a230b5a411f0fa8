using System.Diagnostics;
using System.Reflection;
using Leaderboard.Testing;

namespace Leaderboard.Tests.Infrastructure;

/// <summary>
/// The built headless node (<c>silo/bin/&lt;Configuration&gt;/net10.0/Leaderboard.Silo.dll</c>) run as its own OS
/// process, like <see cref="WebNodeProcess"/>: it has no HTTP, so it is ready when its host says it started (after the
/// silo joined the cluster). Its stdout and stderr go to <see cref="LogFile"/>.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private const string StartedLine = "Application started";
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ExitWithin = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();
    private bool _logClosed;

    private SiloProcess(Process process, StreamWriter log, string logFile)
    {
        _process = process;
        _log = log;
        LogFile = logFile;
    }

    public string LogFile { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts a silo on the given database with <paramref name="settings"/> as <c>--Key=value</c> arguments; returns once it has joined.</summary>
    public static async Task<SiloProcess> StartAsync(string connectionString, string logFile, IReadOnlyDictionary<string, string>? settings = null)
    {
        var configuration = typeof(SiloProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var folder = RepoPaths.Combine("silo", "bin", configuration, "net10.0");
        var assembly = Path.Combine(folder, "Leaderboard.Silo.dll");
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException($"The silo is not built: {assembly} is missing.");
        }

        var startInfo = new ProcessStartInfo(WebNodeProcess.DotnetHost())
        {
            WorkingDirectory = folder,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.ArgumentList.Add(assembly);
        startInfo.ArgumentList.Add($"--ConnectionStrings:Leaderboard={connectionString}");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            startInfo.ArgumentList.Add($"--{key}={value}");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        var process = new Process { StartInfo = startInfo };
        SiloProcess silo;
        try
        {
            if (!process.Start())
            {
                throw new InvalidOperationException($"Could not start {startInfo.FileName} {assembly}.");
            }

            silo = new SiloProcess(process, log, logFile);
        }
        catch
        {
            process.Dispose();
            await log.DisposeAsync();
            throw;
        }

        process.OutputDataReceived += (_, e) => silo.Write(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await Eventually.TrueAsync(
                () => process.HasExited
                    ? throw new InvalidOperationException($"The silo exited with {process.ExitCode} before it started. Log {logFile}:\n{silo.ReadLog()}")
                    : Task.FromResult(silo.ReadLog().Contains(StartedLine, StringComparison.Ordinal)),
                ReadyWithin,
                $"the silo (pid {process.Id}) did not start; log {logFile}");
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }

        return silo;
    }

    /// <summary>SIGKILL on Linux: no shutdown code of the silo runs.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public async Task WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(ExitWithin);
        await _process.WaitForExitAsync(timeout.Token);
    }

    public string ReadLog()
    {
        using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public async ValueTask DisposeAsync()
    {
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
}
