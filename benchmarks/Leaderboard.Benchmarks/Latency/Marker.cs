namespace Leaderboard.Benchmarks.Latency;

/// <summary>
/// A marker event acknowledged by the node: after it, <see cref="Unit"/> has received exactly <see cref="Count"/>
/// dossiers (no other event names that unit). <see cref="Acknowledged"/> is a <see cref="System.Diagnostics.Stopwatch"/>
/// timestamp taken when the HTTP answer arrived; <see cref="Measured"/> is false for warm-up markers.
/// </summary>
public sealed record Marker(string Unit, string Board, long Count, long Acknowledged, bool Measured);
