using System.Diagnostics;

namespace Leaderboard.Tests.Infrastructure;

/// <summary>Waits on a condition with a bound: the tests' replacement for sleeps.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan within, string because)
    {
        var clock = Stopwatch.StartNew();
        var pause = TimeSpan.FromMilliseconds(20);
        while (!await condition())
        {
            if (clock.Elapsed > within)
            {
                throw new TimeoutException($"{because} (waited {within.TotalSeconds:F0} s)");
            }

            // Back off gently while polling; this is waiting on a condition, not a fixed sleep.
            using var wait = new PeriodicTimer(pause);
            await wait.WaitForNextTickAsync();
            pause = TimeSpan.FromMilliseconds(Math.Min(250, pause.TotalMilliseconds * 2));
        }
    }

    /// <summary>Polls <paramref name="read"/> until <paramref name="accept"/> holds and returns the accepted value.</summary>
    public static async Task<T> MatchesAsync<T>(Func<Task<T>> read, Func<T, bool> accept, TimeSpan within, string because)
    {
        T value = default!;
        await TrueAsync(async () => accept(value = await read()), within, because);
        return value;
    }
}
