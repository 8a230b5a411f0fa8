namespace Leaderboard.Client;

/// <summary>A failed attempt that the client is about to retry.</summary>
/// <param name="Attempt">1 for the first retry.</param>
/// <param name="Delay">How long the client waits first (the server's <c>Retry-After</c> when it sent one).</param>
/// <param name="StatusCode">The HTTP status (503, 429, 5xx), or null for a network error or a dropped hub connection.</param>
/// <param name="Error">The network or hub error, when there was one.</param>
public sealed record RetryNotice(int Attempt, TimeSpan Delay, int? StatusCode, Exception? Error);
