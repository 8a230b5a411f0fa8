using System.Globalization;

namespace Leaderboard.Benchmarks.Ingest;

/// <summary>
/// CPU time used by one PostgreSQL server: its postmaster and every process it started (backends, WAL writer,
/// checkpointer), read from <c>/proc</c> (Linux; zero elsewhere). Backends that exited in between are not counted.
/// </summary>
public static class PostgresCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static TimeSpan Read(string dataDirectory)
    {
        try
        {
            var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
            var postmaster = int.Parse(File.ReadLines(pidFile).First(), CultureInfo.InvariantCulture);
            long ticks = 0;
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                {
                    continue;
                }

                if (Stat(pid) is { } stat && (pid == postmaster || stat.Parent == postmaster))
                {
                    ticks += stat.Ticks;
                }
            }

            return TimeSpan.FromSeconds(ticks / TicksPerSecond);
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }
        catch (UnauthorizedAccessException)
        {
            return TimeSpan.Zero;
        }
    }

    private static (int Parent, long Ticks)? Stat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // Fields after the command name (which may hold spaces, inside parentheses): state, ppid, ..., utime (14th), stime (15th).
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return (parent, ticks);
    }
}
