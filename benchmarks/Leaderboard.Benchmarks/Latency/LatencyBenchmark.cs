using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Leaderboard.Benchmarks.Common;
using Leaderboard.Benchmarks.Ingest;
using Leaderboard.Benchmarks.Organisation;
using Leaderboard.Benchmarks.Streams;
using Leaderboard.Testing;
using Npgsql;

namespace Leaderboard.Benchmarks.Latency;

/// <summary>
/// <c>latency</c>: from the HTTP acknowledgement of a marker event to the moment each SignalR client on the marker's
/// board receives the <c>BoardChanged</c> that shows it, while a background stream is offered at a fixed rate and
/// <c>--clients</c> WebSocket clients are subscribed over every board. Also the node's memory per connected client.
/// </summary>
public static class LatencyBenchmark
{
    private const int NodePoolSize = 40;
    private const int BackgroundConnections = 8;
    private const double BarMilliseconds = 300;
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(LatencyOptions options, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"leaderboard-latency-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
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

    private static async Task<int> RunInAsync(string folder, LatencyOptions options, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var ci = CultureInfo.InvariantCulture;
        Say($"latency benchmark: {options.Units:N0} units, {options.Clients:N0} SignalR clients (WebSockets), {options.Rate:N0} events/s offered, {options.WarmupSeconds} s warm-up + {options.Seconds} s measured, load average {MachineInfo.LoadAverage() ?? "n/a"}");
        var organisation = SyntheticOrganisation.Write(Path.Combine(folder, "org"), options.Units, options.Seed);

        // One marker commune per district board; no background event names a marker.
        var markers = organisation.Leaves.GroupBy(l => l.District).Select(g => g.OrderBy(l => l.Code, StringComparer.Ordinal).First()).OrderBy(l => l.Code, StringComparer.Ordinal).ToList();
        var markerCodes = markers.Select(m => m.Code).ToHashSet(StringComparer.Ordinal);
        var boards = new List<string> { "huyen" };
        boards.AddRange(markers.Select(m => BoardOf(m)));
        var markerOfBoard = markers.ToDictionary(BoardOf, m => m.Code, StringComparer.Ordinal);

        var total = (long)options.Rate * (options.WarmupSeconds + options.Seconds) + options.Rate;
        var stream = EventStream.Generate(organisation.Leaves, (int)Math.Min(int.MaxValue, total * 11 / 10), options.Seed + 1);
        var background = stream.Sent.Where(e => !markerCodes.Contains(e.Unit)).Take((int)total).ToList();
        var bodies = Bodies(background, options.Batch);
        Say($"organisation: {organisation.UnitCount:N0} units, {boards.Count} boards, {markers.Count} marker communes; background {background.Count:N0} events in {bodies.Count:N0} requests of {options.Batch}");

        if (!options.NoBuild)
        {
            Say("building web (Release) ...");
            await WebNode.BuildAsync(cancellationToken);
        }

        await using var postgres = await PostgresServer.StartAsync(cancellationToken);
        var connectionString = await postgres.CreateDatabaseAsync("leaderboard_latency", cancellationToken);
        var adminKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var logFile = Path.Combine(postgres.Folder, "..", Path.GetFileName(folder) + "-node.log");
        var nodeConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = NodePoolSize }.ConnectionString;
        var node = await WebNode.StartAsync(nodeConnectionString, adminKey, organisation.Folder, logFile, options.NodeArguments, cancellationToken);
        var watchers = new List<IBoardWatcher>(options.Clients);
        var unitWatchers = new List<IBoardWatcher>(options.UnitClients);
        using var stopPings = new CancellationTokenSource();
        var pings = Task.CompletedTask;
        var problems = new List<string>();
        try
        {
            Say($"web node ready at {node.Address} after {clock.Elapsed.TotalSeconds:F1} s (log: {Path.GetFullPath(logFile)})");

            // Memory per client: the node idle before and after the clients connect and subscribe.
            await Task.Delay(Settle, cancellationToken);
            var memoryBefore = ProcessMemory.Read(node.ProcessId);
            var heapBefore = await GcHeap.ReadAsync(node.ProcessId, cancellationToken);
            var connectClock = Stopwatch.StartNew();
            for (var i = 0; i < options.Clients; i++)
            {
                var board = boards[i % boards.Count];
                var marker = markerOfBoard.GetValueOrDefault(board);
                // Clients 1..N (one per district board while N <= 20) are full HubConnections, the cross-check.
                watchers.Add(i >= 1 && i <= options.HubConnections
                    ? new BoardWatcher(node.Address, adminKey, SyntheticOrganisation.CampaignId, board, marker)
                    : RawHubWatcher.ForBoard(node.Address, adminKey, SyntheticOrganisation.CampaignId, board, marker));
            }

            await Parallel.ForEachAsync(watchers, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (w, ct) => await w.StartAsync(ct));
            var connectSeconds = connectClock.Elapsed.TotalSeconds;
            for (var j = 0; j < options.UnitClients; j++)
            {
                var m = markers[j % markers.Count];
                unitWatchers.Add(RawHubWatcher.ForUnit(node.Address, adminKey, SyntheticOrganisation.CampaignId, m.Code, BoardOf(m)));
            }

            pings = PingAsync(watchers, unitWatchers, stopPings.Token);
            await Task.Delay(Settle, cancellationToken);
            var memoryAfter = ProcessMemory.Read(node.ProcessId);
            var heapAfter = await GcHeap.ReadAsync(node.ProcessId, cancellationToken);
            await Parallel.ForEachAsync(unitWatchers, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (w, ct) => await w.StartAsync(ct));
            Say($"{watchers.Count:N0} clients connected and subscribed in {connectSeconds:F1} s; node RSS {Mib(memoryBefore?.ResidentBytes)} → {Mib(memoryAfter?.ResidentBytes)} MiB, GC heap {Mib(heapBefore)} → {Mib(heapAfter)} MiB");

            // Load and markers together; markers posted during the warm-up are not measured.
            using var load = new PacedLoad(node.Address, adminKey, BackgroundConnections);
            using var markerClient = new HttpClient { BaseAddress = node.Address, Timeout = TimeSpan.FromMinutes(1) };
            markerClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
            var length = TimeSpan.FromSeconds(options.WarmupSeconds + options.Seconds);
            var counts = markers.ToDictionary(m => m.Code, _ => 0L, StringComparer.Ordinal);
            var posted = new List<Marker>();
            var cpuBefore = CpuMeter.Read();
            var nodeCpuBefore = node.CpuTime;
            var selfCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var postgresCpuBefore = PostgresCpu.Read(postgres.DataDirectory);
            var pushesBefore = watchers.Sum(w => w.Pushes);
            var unitPushesBefore = unitWatchers.Sum(w => w.Pushes);
            var loadClock = Stopwatch.StartNew();
            var loadTask = load.RunAsync(bodies, options.Rate, length, cancellationToken);
            var warmupEnd = TimeSpan.FromSeconds(options.WarmupSeconds);
            var markerIndex = 0;
            while (loadClock.Elapsed < length)
            {
                var slot = TimeSpan.FromMilliseconds((double)markerIndex * options.MarkerIntervalMs);
                var wait = slot - loadClock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken);
                }

                var unit = markers[markerIndex % markers.Count];
                markerIndex++;
                var measured = loadClock.Elapsed >= warmupEnd;
                var count = counts[unit.Code] + 1;
                using var content = new ByteArrayContent(MarkerEvents.Receipt(unit, count));
                content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
                using var response = await markerClient.PostAsync(new Uri("/api/v1/events", UriKind.Relative), content, cancellationToken);
                var acknowledged = Stopwatch.GetTimestamp();
                var answer = await response.Content.ReadAsStringAsync(cancellationToken);
                if (!response.IsSuccessStatusCode || AcceptedOf(answer) != 1)
                {
                    problems.Add($"marker {unit.Code} #{count}: {(int)response.StatusCode} {answer}");
                    continue;
                }

                counts[unit.Code] = count;
                posted.Add(new Marker(unit.Code, BoardOf(unit), count, acknowledged, measured));
            }

            await loadTask;
            var loadSeconds = loadClock.Elapsed.TotalSeconds;
            var machineBusy = CpuMeter.BusyShare(cpuBefore, CpuMeter.Read());
            var nodeCpu = (node.CpuTime - nodeCpuBefore).TotalSeconds;
            var selfCpu = (Process.GetCurrentProcess().TotalProcessorTime - selfCpuBefore).TotalSeconds;
            var postgresCpu = (PostgresCpu.Read(postgres.DataDirectory) - postgresCpuBefore).TotalSeconds;
            var pushes = watchers.Sum(w => w.Pushes) - pushesBefore;
            var rawPushes = watchers.OfType<RawHubWatcher>().Sum(w => w.Pushes);
            var rawBytes = watchers.OfType<RawHubWatcher>().Sum(w => w.PushBytes);
            var rawRecords = watchers.OfType<RawHubWatcher>().Sum(w => w.AllReceived.Records);
            var rawRecordBytes = watchers.OfType<RawHubWatcher>().Sum(w => w.AllReceived.Bytes);
            var unitPushes = unitWatchers.Sum(w => w.Pushes) - unitPushesBefore;
            Say($"load done: {load.Events:N0} background events in {loadSeconds:F1} s, {posted.Count:N0} markers; waiting up to {Drain.TotalSeconds:F0} s for the last pushes");

            // Wait (bounded) until every client has seen every marker of its board.
            var byBoard = watchers.Where(w => markerOfBoard.ContainsKey(w.Board)).GroupBy(w => w.Board).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            var unitsByBoard = unitWatchers.GroupBy(w => w.Board).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            var lastOfBoard = posted.GroupBy(m => m.Board).ToDictionary(g => g.Key, g => g.Max(m => m.Count), StringComparer.Ordinal);
            var drainClock = Stopwatch.StartNew();
            while (drainClock.Elapsed < Drain && lastOfBoard.Any(kv => byBoard[kv.Key].Concat(unitsByBoard.GetValueOrDefault(kv.Key) ?? []).Any(w => w.FirstSeen(kv.Value) is null)))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System, cancellationToken);
            }

            var measuredMarkers = posted.Where(m => m.Measured).ToList();
            var (all, first, missed, beforeAck) = Measure(measuredMarkers, byBoard, _ => true);
            var (hubAll, _, hubMissed, _) = Measure(measuredMarkers, byBoard, w => w is BoardWatcher);
            var (rawAll, _, rawMissed, _) = Measure(measuredMarkers, byBoard, w => w is RawHubWatcher);
            var (unitAll, unitFirst, unitMissed, _) = Measure(measuredMarkers, unitsByBoard, _ => true);

            // Cross-check: once the pushes have stopped (bounded), every client of a board should be at the version its
            // HubConnection is at.
            var quiet = Stopwatch.StartNew();
            var lastTotal = -1L;
            while (quiet.Elapsed < Drain)
            {
                var pushTotal = watchers.Sum(w => w.Pushes);
                if (pushTotal == lastTotal)
                {
                    break;
                }

                lastTotal = pushTotal;
                await Task.Delay(TimeSpan.FromSeconds(1), TimeProvider.System, cancellationToken);
            }

            var disagreeing = 0;
            foreach (var list in byBoard.Values)
            {
                if (list.FirstOrDefault(w => w is BoardWatcher) is { } reference)
                {
                    var others = list.Where(w => w.Version != reference.Version).ToList();
                    disagreeing += others.Count;
                    if (others.Count > 0)
                    {
                        Say($"board {reference.Board}: HubConnection at version {reference.Version}, {others.Count} others at {string.Join(", ", others.Select(o => o.Version).Distinct().Take(5))}");
                    }
                }
            }

            var latency = new Percentiles(all);
            var firstClient = new Percentiles(first);
            var hubLatency = new Percentiles(hubAll);
            var rawLatency = new Percentiles(rawAll);
            var unitLatency = new Percentiles(unitAll);
            var hubCount = watchers.Count(w => w is BoardWatcher);
            var requests = new Percentiles(load.LatenciesMs);
            var measuredSeconds = (double)options.Seconds;
            var achieved = load.Events / loadSeconds;
            var closed = watchers.Concat(unitWatchers).Count(w => w.Closed);
            var gaps = watchers.Concat(unitWatchers).Sum(w => w.Gaps);
            problems.AddRange(load.Failures.Take(10));
            if (closed > 0)
            {
                problems.Add($"{closed} clients were disconnected");
            }

            var perClientRss = memoryBefore is { } mb && memoryAfter is { } ma ? (ma.ResidentBytes - mb.ResidentBytes) / (double)options.Clients : (double?)null;
            var perClientAnon = memoryBefore is { } ab && memoryAfter is { } aa ? (aa.AnonymousBytes - ab.AnonymousBytes) / (double)options.Clients : (double?)null;
            var perClientHeap = heapBefore is { } hb && heapAfter is { } ha ? (ha - hb) / (double)options.Clients : (double?)null;
            var withinBar = latency.Count > 0 && latency.At(99) <= BarMilliseconds && missed == 0;
            if (disagreeing > 0)
            {
                problems.Add($"{disagreeing} clients ended at another version than their board's HubConnection");
            }
            var ok = problems.Count == 0 && latency.Count > 0;

            Console.WriteLine("== latency: HTTP acknowledgement → BoardChanged at every subscribed SignalR client ==");
            Console.WriteLine(string.Create(ci, $"  clients                {watchers.Count,8:N0}   WebSockets, {boards.Count} boards (~{watchers.Count / boards.Count} each), {byBoard.Sum(kv => kv.Value.Count):N0} on the 20 boards with a marker; {hubCount} HubConnections, {watchers.Count - hubCount:N0} minimal JSON-protocol clients; + {unitWatchers.Count} SubscribeUnit clients on marker units"));
            Console.WriteLine(string.Create(ci, $"  background load        {achieved,8:N0} events/s achieved of {options.Rate:N0} offered ({load.Events:N0} events, {load.Accepted:N0} accepted, {BackgroundConnections} connections, {load.Late:N0} requests >100 ms late)"));
            Console.WriteLine(string.Create(ci, $"  background requests p50 {requests.At(50):N0} ms   p99 {requests.At(99):N0} ms   max {requests.Max:N0} ms   ({requests.Count:N0} requests of {options.Batch})"));
            Console.WriteLine(string.Create(ci, $"  ack → client      p50 {latency.At(50),8:N0} ms   p99 {latency.At(99):N0} ms   max {latency.Max:N0} ms   ({latency.Count:N0} marker×client deliveries, {measuredMarkers.Count:N0} markers in {measuredSeconds:F0} s)"));
            Console.WriteLine(string.Create(ci, $"  ack → first client p50 {firstClient.At(50),7:N0} ms   p99 {firstClient.At(99):N0} ms"));
            Console.WriteLine(string.Create(ci, $"  by client kind         HubConnection p50 {hubLatency.At(50):N0} ms p99 {hubLatency.At(99):N0} ms ({hubLatency.Count:N0} deliveries, {hubMissed} missed); minimal p50 {rawLatency.At(50):N0} ms p99 {rawLatency.At(99):N0} ms ({rawLatency.Count:N0}, {rawMissed} missed); final versions differing from the board's HubConnection: {disagreeing}"));
            Console.WriteLine(string.Create(ci, $"  ack → UnitChanged p50 {unitLatency.At(50),8:N0} ms   p99 {unitLatency.At(99):N0} ms   max {unitLatency.Max:N0} ms   ({unitLatency.Count:N0} deliveries, {unitMissed} missed, {unitPushes:N0} UnitChanged received)"));
            Console.WriteLine(string.Create(ci, $"  missed / before ack    {missed,8:N0} / {beforeAck:N0}   (not seen within the run + {Drain.TotalSeconds:F0} s; seen before the HTTP answer, counted as 0 ms)"));
            Console.WriteLine(string.Create(ci, $"  pushes                 {pushes,8:N0} BoardChanged received ({pushes / loadSeconds:N0}/s, ~{rawBytes / Math.Max(1, rawPushes):N0} bytes each; all messages to the minimal clients: {rawRecords / loadSeconds:N0}/s, {rawRecordBytes / loadSeconds / 1048576:N1} MiB/s), version gaps {gaps:N0}, clients disconnected {closed}"));
            Console.WriteLine(string.Create(ci, $"  bar                    p99 ≤ {BarMilliseconds:F0} ms and nothing missed: {(withinBar ? "met" : "NOT met")}"));
            Console.WriteLine(string.Create(ci, $"  memory per client      RSS {Kib(perClientRss)} KiB, anonymous RSS {Kib(perClientAnon)} KiB, GC heap {Kib(perClientHeap)} KiB   (node idle, before → after connecting: RSS {Mib(memoryBefore?.ResidentBytes)} → {Mib(memoryAfter?.ResidentBytes)} MiB, GC heap {Mib(heapBefore)} → {Mib(heapAfter)} MiB)"));
            Console.WriteLine(string.Create(ci, $"  CPU (load phase)       machine busy {(machineBusy is { } b ? b.ToString("P0", ci) : "n/a")}, web node {nodeCpu:F1} s, PostgreSQL {postgresCpu:F1} s, client {selfCpu:F1} s over {loadSeconds:F1} s wall; load average {MachineInfo.LoadAverage() ?? "n/a"}"));
            Console.WriteLine(string.Create(ci, $"  machine                {MachineInfo.Cores} cores, {MachineInfo.Runtime}, {MachineInfo.Os}"));
            Console.WriteLine(problems.Count == 0 ? "  checks                 every marker and background request accepted, no client dropped: OK" : "  checks                 FAILED: " + string.Join("; ", problems.Take(10)));
            Console.WriteLine(string.Create(ci, $"  run took {clock.Elapsed.TotalSeconds:F0} s"));
            var json = new Dictionary<string, object?>
            {
                ["benchmark"] = "latency",
                ["ok"] = ok,
                ["clients"] = watchers.Count,
                ["boards"] = boards.Count,
                ["offeredEventsPerSecond"] = options.Rate,
                ["achievedEventsPerSecond"] = Math.Round(achieved),
                ["markers"] = measuredMarkers.Count,
                ["deliveries"] = latency.Count,
                ["latencyP50Ms"] = Math.Round(latency.At(50), 1),
                ["latencyP99Ms"] = Math.Round(latency.At(99), 1),
                ["latencyMaxMs"] = Math.Round(latency.Max, 1),
                ["firstClientP50Ms"] = Math.Round(firstClient.At(50), 1),
                ["firstClientP99Ms"] = Math.Round(firstClient.At(99), 1),
                ["missed"] = missed,
                ["hubConnections"] = hubCount,
                ["hubConnectionP50Ms"] = Finite(hubLatency.At(50)),
                ["hubConnectionP99Ms"] = Finite(hubLatency.At(99)),
                ["hubConnectionMissed"] = hubMissed,
                ["minimalP50Ms"] = Finite(rawLatency.At(50)),
                ["minimalP99Ms"] = Finite(rawLatency.At(99)),
                ["minimalMissed"] = rawMissed,
                ["versionsDisagreeing"] = disagreeing,
                ["unitClients"] = unitWatchers.Count,
                ["unitChangedP50Ms"] = Finite(unitLatency.At(50)),
                ["unitChangedP99Ms"] = Finite(unitLatency.At(99)),
                ["unitChangedMissed"] = unitMissed,
                ["unitChangedPushes"] = unitPushes,
                ["seenBeforeAck"] = beforeAck,
                ["requestP50Ms"] = Math.Round(requests.At(50), 1),
                ["requestP99Ms"] = Math.Round(requests.At(99), 1),
                ["pushes"] = pushes,
                ["bytesPerPush"] = rawBytes / Math.Max(1, rawPushes),
                ["minimalClientMessages"] = rawRecords,
                ["minimalClientBytes"] = rawRecordBytes,
                ["versionGaps"] = gaps,
                ["disconnected"] = closed,
                ["barMs"] = BarMilliseconds,
                ["withinBar"] = withinBar,
                ["rssBytesPerClient"] = perClientRss is { } r ? Math.Round(r) : null,
                ["anonRssBytesPerClient"] = perClientAnon is { } an ? Math.Round(an) : null,
                ["gcHeapBytesPerClient"] = perClientHeap is { } h ? Math.Round(h) : null,
                ["machineBusy"] = machineBusy is { } mbusy ? Math.Round(mbusy, 2) : null,
                ["nodeCpuSeconds"] = Math.Round(nodeCpu, 1),
                ["postgresCpuSeconds"] = Math.Round(postgresCpu, 1),
                ["clientCpuSeconds"] = Math.Round(selfCpu, 1),
                ["wallSeconds"] = Math.Round(loadSeconds, 1),
                ["loadAverage"] = MachineInfo.LoadAverage(),
                ["cores"] = MachineInfo.Cores,
                ["runtime"] = MachineInfo.Runtime,
                ["os"] = MachineInfo.Os,
                ["nodeArguments"] = options.NodeArguments,
            };
            Console.WriteLine(JsonSerializer.Serialize(json));
            return ok ? 0 : 1;
        }
        finally
        {
            await stopPings.CancelAsync();
            await pings;
            await Parallel.ForEachAsync(watchers.Concat(unitWatchers), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (w, _) => await w.DisposeAsync());
            await node.DisposeAsync();
        }
    }

    /// <summary>
    /// For every marker and every chosen client of its board: the first push showing the marker's count minus the
    /// acknowledgement (0 if it came first, counted in <c>BeforeAck</c>); the earliest client per marker; the misses.
    /// </summary>
    private static (List<double> All, List<double> First, long Missed, long BeforeAck) Measure(
        IReadOnlyList<Marker> markers, Dictionary<string, List<IBoardWatcher>> byBoard, Func<IBoardWatcher, bool> chosen)
    {
        var all = new List<double>();
        var first = new List<double>();
        long missed = 0;
        long beforeAck = 0;
        foreach (var m in markers)
        {
            double? earliest = null;
            foreach (var w in byBoard.GetValueOrDefault(m.Board) ?? [])
            {
                if (!chosen(w))
                {
                    continue;
                }

                if (w.FirstSeen(m.Count) is not { } seen)
                {
                    missed++;
                    continue;
                }

                var ms = Stopwatch.GetElapsedTime(m.Acknowledged, seen).TotalMilliseconds;
                if (seen < m.Acknowledged)
                {
                    beforeAck++;
                    ms = 0;
                }

                all.Add(ms);
                earliest = Math.Min(earliest ?? double.MaxValue, ms);
            }

            if (earliest is { } e)
            {
                first.Add(e);
            }
        }

        return (all, first, missed, beforeAck);
    }

    /// <summary>Hub pings from the minimal clients every 10 s (the node drops a client silent for 30 s).</summary>
    private static async Task PingAsync(List<IBoardWatcher> boardWatchers, List<IBoardWatcher> unitWatchers, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(10), TimeProvider.System, stop);
                foreach (var w in boardWatchers.Concat(unitWatchers))
                {
                    if (w is RawHubWatcher raw)
                    {
                        await raw.PingAsync(stop);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
    }

    private static double? Finite(double value) => double.IsFinite(value) ? Math.Round(value, 1) : null;

    private static long AcceptedOf(string answer)
    {
        using var document = JsonDocument.Parse(answer);
        return document.RootElement.GetProperty("accepted").GetInt64();
    }

    private static string BoardOf(LeafUnit leaf) => "xa-" + leaf.District[7..9];

    private static List<Body> Bodies(IReadOnlyList<StreamEvent> events, int batch)
    {
        var bodies = new List<Body>();
        using var buffer = new MemoryStream();
        foreach (var chunk in events.Chunk(batch))
        {
            buffer.SetLength(0);
            foreach (var e in chunk)
            {
                buffer.Write(e.Line);
                buffer.WriteByte((byte)'\n');
            }

            bodies.Add(new Body(buffer.ToArray(), chunk.Length));
        }

        return bodies;
    }

    private static string Mib(long? bytes) => bytes is { } b ? (b / 1024.0 / 1024.0).ToString("F1", CultureInfo.InvariantCulture) : "n/a";

    private static string Kib(double? bytes) => bytes is { } b ? (b / 1024.0).ToString("F1", CultureInfo.InvariantCulture) : "n/a";

    private static void Say(string message) => Console.WriteLine($"[{TimeProvider.System.GetUtcNow():HH:mm:ss}] {message}");
}
