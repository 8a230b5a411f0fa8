using System.Runtime.InteropServices;

namespace Leaderboard.Benchmarks.Common;

/// <summary>What the reports say about the machine: cores, runtime, OS, load average.</summary>
public static class MachineInfo
{
    public static int Cores => Environment.ProcessorCount;

    public static string Runtime => RuntimeInformation.FrameworkDescription;

    public static string Os => RuntimeInformation.OSDescription;

    /// <summary>The 1-minute load average from <c>/proc/loadavg</c>, or null off Linux.</summary>
    public static string? LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
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
}
