using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Leaderboard.Benchmarks.Common;
using Leaderboard.Benchmarks.Ingest;
using Leaderboard.Benchmarks.Organisation;
using Leaderboard.Benchmarks.Streams;
using Leaderboard.Testing;
using Npgsql;

namespace Leaderboard.Benchmarks.Activate;

/// <summary>
/// <c>activate</c>: a one-shard ledger whose journal holds <c>--events</c> events (written with COPY), activated
/// (a) with no snapshot, replaying the whole journal, and (b) from the snapshot the node wrote after (a). The node
/// runs with <c>Leaderboard:Ledger:Shards=1</c>, so every dossier really belongs to the shard that holds it.
/// </summary>
public static partial class ActivateBenchmark
{
    private const int NodePoolSize = 40;
    private const int Shard = 0;
    private const double SnapshotBarSeconds = 5;
    private const double ReplayBarSeconds = 30;
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(8);
    private static readonly TimeSpan SnapshotWait = TimeSpan.FromMinutes(4);

    public static async Task<int> RunAsync(ActivateOptions options, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"leaderboard-activate-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(folder);
        try
        {
            return await RunInAsync(folder, options, cancellationToken);
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

    private static async Task<int> RunInAsync(string folder, ActivateOptions options, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var ci = CultureInfo.InvariantCulture;
        Say($"activate benchmark: {options.Events:N0} journal events in one shard, {options.Units:N0} units, load average {MachineInfo.LoadAverage() ?? "n/a"}");
        var organisation = SyntheticOrganisation.Write(Path.Combine(folder, "org"), options.Units, options.Seed);
        // Re-sends are about a tenth of the stream: generate enough lines for the wanted number of distinct events.
        var stream = EventStream.Generate(organisation.Leaves, (int)Math.Min(int.MaxValue, options.Events * 1.15), options.Seed + 1);
        var rows = JournalRows.Build(stream.Sent, options.Events);
        var contentBytes = rows.Sum(r => (long)r.Content.Length);
        Say($"journal rows: {rows.Count:N0} ({rows.Select(r => r.Dossier).Distinct().Count():N0} dossiers, ~{contentBytes / Math.Max(1, rows.Count)} bytes of content each)");
        if (rows.Count < options.Events)
        {
            Console.Error.WriteLine($"the stream gave only {rows.Count:N0} distinct events");
            return 2;
        }

        if (!options.NoBuild)
        {
            Say("building web (Release) ...");
            await WebNode.BuildAsync(cancellationToken);
        }

        await using var postgres = await PostgresServer.StartAsync(cancellationToken);
        var connectionString = await postgres.CreateDatabaseAsync("leaderboard_activate", cancellationToken);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var nodeConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = NodePoolSize }.ConnectionString;
        var adminKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        string[] nodeArguments =
        [
            "--Leaderboard:Ledger:Shards=1",
            // After the no-snapshot activation the shard snapshots once it has been idle this long (well after ready).
            "--Leaderboard:Ledger:SnapshotInterval=00:00:20",
            "--Logging:LogLevel:Leaderboard.Grains.Ledger.LedgerShardGrain=Debug",
            .. options.NodeArguments,
        ];

        // 0. An empty journal: creates the schema, and gives the node's start-up time without any replay.
        var empty = await StartAsync("empty", folder, postgres, nodeConnectionString, adminKey, organisation.Folder, nodeArguments, cancellationToken);
        Say($"empty journal: ready after {empty.ReadySeconds:F1} s, shard active in {empty.ShardMilliseconds:F0} ms");
        await empty.Node.DisposeAsync();

        var copy = await JournalRows.CopyAsync(dataSource, Shard, rows, cancellationToken);
        var journalRows = await CountAsync(dataSource, "SELECT count(*) FROM journal WHERE shard = 0", cancellationToken);
        Say($"COPY: {rows.Count:N0} rows in {copy.TotalSeconds:F1} s ({rows.Count / copy.TotalSeconds:N0} rows/s); journal shard 0 holds {journalRows:N0}");

        // (b) No snapshot: the shard replays the whole journal. It then writes a snapshot, which (a) starts from.
        var replay = await StartAsync("no-snapshot", folder, postgres, nodeConnectionString, adminKey, organisation.Folder, nodeArguments, cancellationToken);
        Say($"no snapshot: ready after {replay.ReadySeconds:F1} s, shard active in {replay.ShardMilliseconds:F0} ms ({replay.Replayed:N0} replayed, {replay.Dossiers:N0} dossiers); waiting for its snapshot");
        var snapshotBytes = await WaitForSnapshotAsync(replay.Node, rows.Count, cancellationToken);
        await replay.Node.DisposeAsync();
        Say(snapshotBytes is { } sb ? $"snapshot written: {sb / 1024.0 / 1024.0:F1} MiB at sequence {rows.Count:N0}" : "no snapshot was written");

        // The shard's own stopwatch starts after Orleans has read its state: time that read here, as a client would.
        var rowReads = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            rowReads.Add(await ReadLargestStateAsync(dataSource, cancellationToken));
        }

        Say($"largest grain-state row read by this process in {rowReads[0]:F0} ms (first), {rowReads.Min():F0} ms (best of 3)");

        // (a) From the snapshot.
        var fromSnapshot = await StartAsync("snapshot", folder, postgres, nodeConnectionString, adminKey, organisation.Folder, nodeArguments, cancellationToken);
        Say($"from snapshot: ready after {fromSnapshot.ReadySeconds:F1} s, shard active in {fromSnapshot.ShardMilliseconds:F0} ms ({fromSnapshot.Replayed:N0} replayed, {fromSnapshot.Dossiers:N0} dossiers)");
        await fromSnapshot.Node.DisposeAsync();

        var problems = new List<string>();
        if (journalRows != rows.Count)
        {
            problems.Add($"journal holds {journalRows:N0} rows, {rows.Count:N0} copied");
        }

        if (replay.Replayed != rows.Count)
        {
            problems.Add($"the no-snapshot activation replayed {replay.Replayed:N0} of {rows.Count:N0}");
        }

        if (snapshotBytes is null)
        {
            problems.Add("no snapshot was written within the wait");
        }
        else if (fromSnapshot.Replayed != 0)
        {
            problems.Add($"the activation from the snapshot replayed {fromSnapshot.Replayed:N0} entries");
        }

        if (fromSnapshot.Dossiers != replay.Dossiers)
        {
            problems.Add($"dossiers differ: {replay.Dossiers:N0} after replay, {fromSnapshot.Dossiers:N0} from the snapshot");
        }

        var ok = problems.Count == 0;
        var snapshotSeconds = fromSnapshot.ShardMilliseconds / 1000;
        var replaySeconds = replay.ShardMilliseconds / 1000;
        Console.WriteLine("== activate: one ledger shard, journal of " + rows.Count.ToString("N0", ci) + " events ==");
        Console.WriteLine(string.Create(ci, $"  journal                {rows.Count,10:N0} events, {replay.Dossiers:N0} dossiers, written by one binary COPY in {copy.TotalSeconds:F1} s ({rows.Count / copy.TotalSeconds:N0} rows/s)"));
        Console.WriteLine(string.Create(ci, $"  (a) from snapshot      shard {snapshotSeconds,8:F2} s   node ready {fromSnapshot.ReadySeconds:F1} s   node CPU to ready {fromSnapshot.CpuSeconds:F1} s   snapshot {Mib(snapshotBytes)} MiB   bar {SnapshotBarSeconds:F0} s: {(snapshotSeconds <= SnapshotBarSeconds ? "met" : "NOT met")}"));
        Console.WriteLine(string.Create(ci, $"      its storage row    read by this process in {rowReads[0]:F0} ms (first of 3), {rowReads.Min():F0} ms (best): not inside the shard's figure, which starts after Orleans has read the state"));
        Console.WriteLine(string.Create(ci, $"  (b) no snapshot        shard {replaySeconds,8:F2} s   node ready {replay.ReadySeconds:F1} s   node CPU to ready {replay.CpuSeconds:F1} s   {rows.Count / Math.Max(replaySeconds, 1e-9):N0} events/s replayed   bar {ReplayBarSeconds:F0} s: {(replaySeconds <= ReplayBarSeconds ? "met" : "NOT met")}"));
        Console.WriteLine(string.Create(ci, $"  baseline: empty journal shard {empty.ShardMilliseconds / 1000,8:F2} s   node ready {empty.ReadySeconds:F1} s   node CPU to ready {empty.CpuSeconds:F1} s"));
        Console.WriteLine(string.Create(ci, $"  ratios                 snapshot/empty ready {fromSnapshot.ReadySeconds / empty.ReadySeconds:F2}, no-snapshot/empty ready {replay.ReadySeconds / empty.ReadySeconds:F2}"));
        Console.WriteLine(string.Create(ci, $"  machine                {MachineInfo.Cores} cores, {MachineInfo.Runtime}, {MachineInfo.Os}, load average {MachineInfo.LoadAverage() ?? "n/a"}"));
        Console.WriteLine(ok ? "  checks                 journal rows, full replay, snapshot written, nothing replayed after it, same dossier count: OK" : "  checks                 FAILED: " + string.Join("; ", problems));
        Console.WriteLine(string.Create(ci, $"  run took {clock.Elapsed.TotalSeconds:F0} s"));
        var json = new Dictionary<string, object?>
        {
            ["benchmark"] = "activate",
            ["ok"] = ok,
            ["events"] = rows.Count,
            ["dossiers"] = replay.Dossiers,
            ["copySeconds"] = Math.Round(copy.TotalSeconds, 2),
            ["snapshotShardSeconds"] = Math.Round(snapshotSeconds, 3),
            ["snapshotReadySeconds"] = Math.Round(fromSnapshot.ReadySeconds, 2),
            ["snapshotNodeCpuSeconds"] = Math.Round(fromSnapshot.CpuSeconds, 1),
            ["snapshotBytes"] = snapshotBytes,
            ["snapshotRowReadMs"] = Math.Round(rowReads.Min(), 1),
            ["replayShardSeconds"] = Math.Round(replaySeconds, 3),
            ["replayReadySeconds"] = Math.Round(replay.ReadySeconds, 2),
            ["replayNodeCpuSeconds"] = Math.Round(replay.CpuSeconds, 1),
            ["emptyShardSeconds"] = Math.Round(empty.ShardMilliseconds / 1000, 3),
            ["emptyReadySeconds"] = Math.Round(empty.ReadySeconds, 2),
            ["snapshotBarSeconds"] = SnapshotBarSeconds,
            ["replayBarSeconds"] = ReplayBarSeconds,
            ["loadAverage"] = MachineInfo.LoadAverage(),
            ["cores"] = MachineInfo.Cores,
            ["runtime"] = MachineInfo.Runtime,
            ["os"] = MachineInfo.Os,
            ["nodeArguments"] = nodeArguments,
        };
        Console.WriteLine(JsonSerializer.Serialize(json));
        return ok ? 0 : 1;
    }

    private static async Task<Start> StartAsync(string name, string folder, PostgresServer postgres, string connectionString, string adminKey, string dataPath, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var logFile = Path.Combine(postgres.Folder, "..", $"{Path.GetFileName(folder)}-{name}-node.log");
        var started = Stopwatch.StartNew();
        var node = await WebNode.StartAsync(connectionString, adminKey, dataPath, logFile, arguments, cancellationToken, ReadyTimeout);
        var ready = started.Elapsed.TotalSeconds;
        var cpu = node.CpuTime.TotalSeconds;
        var match = ActivatedLine().Match(Read(logFile));
        if (!match.Success)
        {
            await node.DisposeAsync();
            throw new InvalidOperationException($"the shard's activation line is not in {logFile}");
        }

        return new Start(
            node,
            ready,
            cpu,
            double.Parse(match.Groups["ms"].Value, CultureInfo.InvariantCulture),
            long.Parse(match.Groups["replayed"].Value, CultureInfo.InvariantCulture),
            long.Parse(match.Groups["dossiers"].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>Fetches the largest payload of the Orleans grain-state table (the shard's snapshot); returns milliseconds.</summary>
    private static async Task<double> ReadLargestStateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var find = new NpgsqlCommand("SELECT grain_type, grain_id_n0, grain_id_n1, grain_id_ext FROM orleans_grain_state ORDER BY octet_length(payload) DESC NULLS LAST LIMIT 1", connection);
        object[] key;
        await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            key = [reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3)];
        }

        var started = Stopwatch.GetTimestamp();
        await using var read = new NpgsqlCommand("SELECT payload FROM orleans_grain_state WHERE grain_type = $1 AND grain_id_n0 = $2 AND grain_id_n1 = $3 AND grain_id_ext = $4", connection);
        foreach (var k in key)
        {
            read.Parameters.Add(new NpgsqlParameter { Value = k });
        }

        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            _ = reader.GetFieldValue<byte[]>(0);
        }

        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static async Task<long?> WaitForSnapshotAsync(WebNode node, long sequence, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < SnapshotWait)
        {
            var text = Read(node.LogFile);
            foreach (Match m in SnapshotLine().Matches(text))
            {
                if (long.Parse(m.Groups["seq"].Value, CultureInfo.InvariantCulture) == sequence)
                {
                    return long.Parse(m.Groups["bytes"].Value, CultureInfo.InvariantCulture);
                }
            }

            if (text.Contains("snapshot not written", StringComparison.Ordinal))
            {
                return null;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), TimeProvider.System, cancellationToken);
        }

        return null;
    }

    private static string Read(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static async Task<long> CountAsync(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static string Mib(long? bytes) => bytes is { } b ? (b / 1024.0 / 1024.0).ToString("F1", CultureInfo.InvariantCulture) : "n/a";

    private static void Say(string message) => Console.WriteLine($"[{TimeProvider.System.GetUtcNow():HH:mm:ss}] {message}");

    [GeneratedRegex(@"Ledger shard 0 active: (?<dossiers>\d+) dossiers, (?<replayed>\d+) journal entries replayed in (?<ms>\d+) ms")]
    private static partial Regex ActivatedLine();

    [GeneratedRegex(@"Ledger shard 0: snapshot at sequence (?<seq>\d+), (?<bytes>\d+) bytes")]
    private static partial Regex SnapshotLine();
}
