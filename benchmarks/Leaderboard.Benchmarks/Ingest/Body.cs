namespace Leaderboard.Benchmarks.Ingest;

/// <summary>One request body, serialised before the clock starts, and how many events it carries.</summary>
public sealed record Body(byte[] Bytes, int Events);
