using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace Leaderboard.Testing;

/// <summary>
/// A private PostgreSQL server for tests and benchmarks, run from the machine's own binaries
/// (<c>/usr/lib/postgresql/N/bin</c>, the newest N) in a fresh folder <c>/tmp/leaderboard-pg-*</c>, listening on
/// 127.0.0.1 only, with trust authentication and durability left on (fsync, synchronous_commit).
/// As root, initdb/pg_ctl run as the <c>postgres</c> user, because initdb refuses to run as root.
/// </summary>
public sealed partial class PostgresServer : IAsyncDisposable
{
    private const string FolderPrefix = "leaderboard-pg-";
    private const string TempRoot = "/tmp";
    private const string Superuser = "postgres";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(120);

    private readonly string _binDirectory;
    private readonly bool _asPostgresUser;
    private readonly string _logFile;
    private bool _disposed;

    private PostgresServer(string binDirectory, string folder, int port, bool asPostgresUser)
    {
        _binDirectory = binDirectory;
        Folder = folder;
        DataDirectory = Path.Combine(folder, "data");
        _logFile = Path.Combine(folder, "postgres.log");
        Port = port;
        _asPostgresUser = asPostgresUser;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = Superuser,
            Database = "postgres",
        }.ConnectionString;
    }

    /// <summary>The server's folder (data directory, socket, log); deleted on dispose.</summary>
    public string Folder { get; }

    public string DataDirectory { get; }

    public int Port { get; }

    /// <summary>The superuser on the <c>postgres</c> database (trust authentication on 127.0.0.1).</summary>
    public string ConnectionString { get; }

    /// <summary>Creates a folder, initialises a cluster in it and starts the server; returns once it accepts connections.</summary>
    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken = default)
    {
        await RemoveAbandonedAsync(cancellationToken).ConfigureAwait(false);

        var binDirectory = FindBinDirectory();
        var asPostgresUser = string.Equals(Environment.UserName, "root", StringComparison.Ordinal);
        var folder = Path.Combine(TempRoot, $"{FolderPrefix}{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..12]}");
        Directory.CreateDirectory(folder);
        var server = new PostgresServer(binDirectory, folder, FreePort.Get(), asPostgresUser);
        try
        {
            if (asPostgresUser)
            {
                await RunAsync("chown", ["postgres:postgres", folder], cancellationToken).ConfigureAwait(false);
            }

            await server.RunToolAsync("initdb", ["-D", server.DataDirectory, "-U", Superuser, "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"], cancellationToken).ConfigureAwait(false);
            await File.AppendAllTextAsync(Path.Combine(server.DataDirectory, "postgresql.conf"), server.Settings(), cancellationToken).ConfigureAwait(false);
            await server.StartAgainAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Creates a database and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!DatabaseName().IsMatch(name))
        {
            throw new ArgumentException("Use lower-case letters, digits and underscores (at most 63).", nameof(name));
        }

        await using (var connection = new NpgsqlConnection(Unpooled(ConnectionString)))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Stops the server at once (<c>-m immediate</c>: like a crash; the data directory stays).</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) =>
        RunToolAsync("pg_ctl", ["stop", "-D", DataDirectory, "-m", "immediate", "-w", "-t", "60"], cancellationToken);

    /// <summary>Starts the server on its data directory and port; returns once it accepts connections.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        await RunToolAsync("pg_ctl", ["start", "-D", DataDirectory, "-l", _logFile, "-W"], cancellationToken).ConfigureAwait(false);
        await WaitUntilReadyAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            try
            {
                await StopAsync().ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // Already stopped (or never started): the folder goes anyway.
            }
        }

        DeleteFolder(Folder);
    }

    /// <summary>
    /// The server's settings. 300 connections: the tests share one server, a cluster test's two nodes and silo use
    /// several pools each, and the test process keeps idle pooled connections of its in-process PostgreSQL nodes; at
    /// 100 a cluster test once met "53300: sorry, too many clients already" and its nodes answered 503 throughout.
    /// </summary>
    private string Settings() => string.Create(
        CultureInfo.InvariantCulture,
        $"""

        # leaderboard test server
        listen_addresses = '127.0.0.1'
        port = {Port}
        unix_socket_directories = '{Folder}'
        max_connections = 300
        shared_buffers = 32MB
        fsync = on
        synchronous_commit = on
        full_page_writes = on
        logging_collector = off

        """);

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(Unpooled(ConnectionString)) { Timeout = 2 }.ConnectionString;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (NpgsqlException exception) when (clock.Elapsed < ReadyTimeout)
            {
                // Starting up: "the database system is starting up" or connection refused. Poll again shortly.
                _ = exception;
            }
            catch (NpgsqlException exception)
            {
                throw new InvalidOperationException($"PostgreSQL did not accept connections within {ReadyTimeout}. Log:\n{ReadLog()}", exception);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken).ConfigureAwait(false);
        }
    }

    private string ReadLog()
    {
        try
        {
            return File.Exists(_logFile) ? File.ReadAllText(_logFile) : "(no log)";
        }
        catch (IOException exception)
        {
            return $"(log unreadable: {exception.Message})";
        }
    }

    private Task RunToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var executable = Path.Combine(_binDirectory, tool);
        return _asPostgresUser
            ? RunAsync("runuser", ["-u", "postgres", "--", executable, .. arguments], cancellationToken, Folder)
            : RunAsync(executable, arguments, cancellationToken, Folder);
    }

    private static async Task RunAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken, string? workingDirectory = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? TempRoot,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            string text;
            lock (output)
            {
                text = output.ToString();
            }

            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{text}");
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string FindBinDirectory()
    {
        const string Installed = "/usr/lib/postgresql";
        var newest = Directory.Exists(Installed)
            ? Directory.GetDirectories(Installed)
                .Select(directory => (Directory: directory, Version: decimal.TryParse(Path.GetFileName(directory), NumberStyles.Number, CultureInfo.InvariantCulture, out var version) ? version : -1))
                .Where(candidate => candidate.Version >= 0 && File.Exists(Path.Combine(candidate.Directory, "bin", "initdb")))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => Path.Combine(candidate.Directory, "bin"))
                .FirstOrDefault()
            : null;
        return newest ?? throw new InvalidOperationException($"No PostgreSQL server binaries under {Installed}/*/bin.");
    }

    /// <summary>Servers left behind by test processes that died: stop them and delete their folders.</summary>
    private static async Task RemoveAbandonedAsync(CancellationToken cancellationToken)
    {
        foreach (var folder in Directory.GetDirectories(TempRoot, FolderPrefix + "*"))
        {
            var name = Path.GetFileName(folder);
            var pidEnd = name.IndexOf('-', FolderPrefix.Length);
            if (pidEnd < 0 || !int.TryParse(name.AsSpan(FolderPrefix.Length, pidEnd - FolderPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var ownerPid) || IsRunning(ownerPid))
            {
                continue;
            }

            var data = Path.Combine(folder, "data");
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                try
                {
                    var binDirectory = FindBinDirectory();
                    var asPostgresUser = string.Equals(Environment.UserName, "root", StringComparison.Ordinal);
                    var pgCtl = Path.Combine(binDirectory, "pg_ctl");
                    string[] stop = ["stop", "-D", data, "-m", "immediate", "-w", "-t", "30"];
                    await (asPostgresUser ? RunAsync("runuser", ["-u", "postgres", "--", pgCtl, .. stop], cancellationToken) : RunAsync(pgCtl, stop, cancellationToken)).ConfigureAwait(false);
                }
                catch (InvalidOperationException)
                {
                    // Not running any more: only the folder is left.
                }
            }

            DeleteFolder(folder);
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone.
        }
        catch (IOException)
        {
            // Best effort: the next start removes what is left once this process has gone.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    private static string Unpooled(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();
}
