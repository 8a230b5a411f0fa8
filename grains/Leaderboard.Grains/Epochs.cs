namespace Leaderboard.Grains;

/// <summary>
/// Identifies an activation: microseconds since 1970 plus a random tail. Grows across restarts and stays below 2^53,
/// so browsers compare it exactly.
/// </summary>
internal static class Epochs
{
    public static long New(TimeProvider time) => (time.GetUtcNow().ToUnixTimeMilliseconds() * 1000) + Random.Shared.Next(1000);
}
