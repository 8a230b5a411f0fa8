namespace Leaderboard.Client;

/// <summary>Capped exponential back-off with jitter: waits between half and all of min(max, initial·2^n).</summary>
internal static class Backoff
{
    public static TimeSpan Delay(int retry, TimeSpan initial, TimeSpan max)
    {
        var ceiling = Math.Min(max.TotalMilliseconds, initial.TotalMilliseconds * Math.Pow(2, Math.Min(retry, 30)));
        // Jitter keeps many clients that failed together from coming back together.
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (Random.Shared.NextDouble() * 0.5)));
    }
}
