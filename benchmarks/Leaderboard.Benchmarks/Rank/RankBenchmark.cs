using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Leaderboard.Benchmarks.Common;
using Leaderboard.Benchmarks.Ingest;
using Leaderboard.Domain.Indicators;
using Leaderboard.Domain.Ranking;

namespace Leaderboard.Benchmarks.Rank;

/// <summary>
/// <c>rank</c>: the domain <see cref="Ranker"/> in-process on a board of <c>--units</c> standings re-ranked after each
/// batch of <c>--changed</c> changed units, against <see cref="Array.Sort(Array)"/> of as many doubles, interleaved in
/// the same loop so both see the same machine. One ranker re-ranks every time, as a board grain's does.
/// </summary>
public static class RankBenchmark
{
    private const double BarMilliseconds = 5;

    public static int Run(RankOptions options)
    {
        var started = Stopwatch.StartNew();
        var ci = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(ci, $"rank benchmark: {options.Units:N0} units, {options.Changed:N0} changed per re-rank, {options.Warmup:N0} warm-up + {options.Iterations:N0} timed iterations, load average {MachineInfo.LoadAverage() ?? "n/a"}"));

        var board = new SyntheticBoard(options.Units, options.Seed);
        var random = new Random(options.Seed + 1);
        var doubles = new double[options.Units];
        for (var i = 0; i < doubles.Length; i++)
        {
            doubles[i] = random.NextDouble();
        }

        var scratch = new double[options.Units];
        var rankTimes = new double[options.Iterations];
        var sortTimes = new double[options.Iterations];
        var withGc = new bool[options.Iterations];
        long allocated = 0;
        var failures = new List<string>();
        var ranker = new Ranker();
        var gcBefore = GC.CollectionCount(0);
        var cpuBefore = CpuMeter.Read();
        var processCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var i = -options.Warmup; i < options.Iterations; i++)
        {
            if (i == 0)
            {
                gcBefore = GC.CollectionCount(0);
                cpuBefore = CpuMeter.Read();
                processCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                wall.Restart();
            }

            board.Change(options.Changed);
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var collections = GC.CollectionCount(0);
            var t0 = Stopwatch.GetTimestamp();
            var ranked = ranker.Rerank(board.Standings);
            var t1 = Stopwatch.GetTimestamp();
            bytes = GC.GetAllocatedBytesForCurrentThread() - bytes;

            // A fresh unsorted copy each time: sorting sorted data would flatter the baseline.
            Array.Copy(doubles, scratch, doubles.Length);
            var t2 = Stopwatch.GetTimestamp();
            Array.Sort(scratch);
            var t3 = Stopwatch.GetTimestamp();
            if (i >= 0)
            {
                rankTimes[i] = Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds;
                sortTimes[i] = Stopwatch.GetElapsedTime(t2, t3).TotalMilliseconds;
                allocated += bytes;
                withGc[i] = GC.CollectionCount(0) != collections;
            }

            if (i == -options.Warmup || i == options.Iterations - 1)
            {
                Check(ranked, board.Standings.Length, failures);
            }
        }

        var wallSeconds = wall.Elapsed.TotalSeconds;
        var processCpu = (Process.GetCurrentProcess().TotalProcessorTime - processCpuBefore).TotalSeconds;
        var busy = CpuMeter.BusyShare(cpuBefore, CpuMeter.Read());
        var gcs = GC.CollectionCount(0) - gcBefore;
        var rank = new Percentiles(rankTimes);
        var sort = new Percentiles(sortTimes);
        var ratio = rank.At(50) / sort.At(50);
        var noGc = new Percentiles(rankTimes.Where((_, i) => !withGc[i]));
        var bytesPerRank = allocated / options.Iterations;
        var withinBar = rank.At(99) <= BarMilliseconds;
        var ok = failures.Count == 0;

        Console.WriteLine("== rank: Ranker.Rerank of a whole board after a batch of changed units ==");
        Console.WriteLine(string.Create(ci, $"  board                  {options.Units,8:N0} units, {board.Standings.Count(s => !s.Eligible):N0} ineligible, {board.Standings.Select(s => (s.Eligible, s.Score)).Distinct().Count():N0} distinct (eligible, score)"));
        Console.WriteLine(string.Create(ci, $"  Ranker.Rerank     p50 {rank.At(50),8:F3} ms   p99 {rank.At(99):F3} ms   mean {rank.Mean:F3}   min {rank.Min:F3}   max {rank.Max:F3}   ({rank.Count:N0} re-ranks)"));
        Console.WriteLine(string.Create(ci, $"    without a GC    p50 {noGc.At(50),8:F3} ms   p99 {noGc.At(99):F3} ms   ({noGc.Count:N0} re-ranks; {rank.Count - noGc.Count:N0} had a gen0 GC inside)"));
        Console.WriteLine(string.Create(ci, $"  Array.Sort double p50 {sort.At(50),8:F3} ms   p99 {sort.At(99):F3} ms   mean {sort.Mean:F3}   min {sort.Min:F3}   max {sort.Max:F3}   ({options.Units:N0} doubles)"));
        Console.WriteLine(string.Create(ci, $"  ratio rank/sort          {ratio,8:F1}   (p50 ÷ p50)"));
        Console.WriteLine(string.Create(ci, $"  allocated per re-rank  {bytesPerRank,8:N0} bytes, gen0 GCs in the timed loop {gcs:N0}"));
        Console.WriteLine(string.Create(ci, $"  bar                    p99 ≤ {BarMilliseconds:F0} ms: {(withinBar ? "met" : "NOT met")}"));
        Console.WriteLine(string.Create(ci, $"  CPU (timed loop)       this process {processCpu:F1} s over {wallSeconds:F1} s wall (one thread), machine busy {(busy is { } b ? b.ToString("P0", ci) : "n/a")}, load average {MachineInfo.LoadAverage() ?? "n/a"}"));
        Console.WriteLine(string.Create(ci, $"  machine                {MachineInfo.Cores} cores, {MachineInfo.Runtime}, {MachineInfo.Os}"));
        Console.WriteLine(ok ? "  checks                 order and ranks of the first and last re-rank: OK" : "  checks                 FAILED: " + string.Join("; ", failures));
        Console.WriteLine(string.Create(ci, $"  run took {started.Elapsed.TotalSeconds:F0} s"));

        var json = new Dictionary<string, object?>
        {
            ["benchmark"] = "rank",
            ["ok"] = ok,
            ["units"] = options.Units,
            ["changed"] = options.Changed,
            ["iterations"] = options.Iterations,
            ["rankP50Ms"] = Math.Round(rank.At(50), 4),
            ["rankP99Ms"] = Math.Round(rank.At(99), 4),
            ["rankMeanMs"] = Math.Round(rank.Mean, 4),
            ["rankMaxMs"] = Math.Round(rank.Max, 4),
            ["rankNoGcP99Ms"] = Math.Round(noGc.At(99), 4),
            ["ranksWithGc"] = rank.Count - noGc.Count,
            ["sortP50Ms"] = Math.Round(sort.At(50), 4),
            ["sortP99Ms"] = Math.Round(sort.At(99), 4),
            ["ratio"] = Math.Round(ratio, 2),
            ["barMs"] = BarMilliseconds,
            ["withinBar"] = withinBar,
            ["allocatedBytesPerRank"] = bytesPerRank,
            ["gen0Collections"] = gcs,
            ["processCpuSeconds"] = Math.Round(processCpu, 2),
            ["wallSeconds"] = Math.Round(wallSeconds, 2),
            ["machineBusy"] = busy is { } m ? Math.Round(m, 2) : null,
            ["loadAverage"] = MachineInfo.LoadAverage(),
            ["cores"] = MachineInfo.Cores,
            ["runtime"] = MachineInfo.Runtime,
            ["os"] = MachineInfo.Os,
        };
        Console.WriteLine(JsonSerializer.Serialize(json));
        return ok ? 0 : 1;
    }

    /// <summary>Eligible first, scores not increasing within a group, competition ranks, every unit once.</summary>
    private static void Check(ReadOnlySpan<RankedStanding> ranked, int units, List<string> failures)
    {
        if (ranked.Length != units || ranked.ToArray().Select(r => r.Standing.Unit).Distinct().Count() != units)
        {
            failures.Add($"{ranked.Length} ranked entries for {units} units");
            return;
        }

        for (var i = 1; i < ranked.Length; i++)
        {
            UnitStanding a = ranked[i - 1].Standing, b = ranked[i].Standing;
            var sameGroup = a.Eligible == b.Eligible;
            if ((!a.Eligible && b.Eligible) || (sameGroup && a.Score < b.Score))
            {
                failures.Add($"order broken at {i}");
                return;
            }

            var expected = sameGroup && a.Score == b.Score ? ranked[i - 1].Rank : i + 1;
            if (ranked[i].Rank != expected)
            {
                failures.Add($"rank at {i} is {ranked[i].Rank}, expected {expected}");
                return;
            }
        }
    }
}
