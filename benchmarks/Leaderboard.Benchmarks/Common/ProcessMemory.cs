using System.Globalization;

namespace Leaderboard.Benchmarks.Common;

/// <summary>A process's resident memory from <c>/proc/PID/status</c> (Linux): all of it, and its anonymous part.</summary>
public sealed record ProcessMemory(long ResidentBytes, long AnonymousBytes)
{
    public static ProcessMemory? Read(int processId)
    {
        try
        {
            long rss = 0;
            long anon = 0;
            foreach (var line in File.ReadLines($"/proc/{processId}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = Kilobytes(line);
                }
                else if (line.StartsWith("RssAnon:", StringComparison.Ordinal))
                {
                    anon = Kilobytes(line);
                }
            }

            return new ProcessMemory(rss, anon);
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

    private static long Kilobytes(string line) =>
        1024 * long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
