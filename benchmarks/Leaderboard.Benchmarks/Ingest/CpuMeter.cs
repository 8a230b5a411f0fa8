using System.Globalization;

namespace Leaderboard.Benchmarks.Ingest;

/// <summary>The machine's busy share of all cores between two readings of <c>/proc/stat</c> (Linux); null elsewhere.</summary>
public static class CpuMeter
{
    public static (long Busy, long Total)? Read()
    {
        try
        {
            var line = File.ReadLines("/proc/stat").First();
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            var idle = fields[3] + (fields.Length > 4 ? fields[4] : 0);
            var total = fields.Take(8).Sum();
            return (total - idle, total);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static double? BusyShare((long Busy, long Total)? before, (long Busy, long Total)? after) =>
        before is { } b && after is { } a && a.Total > b.Total ? (double)(a.Busy - b.Busy) / (a.Total - b.Total) : null;
}
