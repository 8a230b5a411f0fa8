namespace Leaderboard.Benchmarks.Ingest;

/// <summary>What a phase of posting produced: the node's totals, the wall time and the request latencies.</summary>
public sealed record LoadResult(
    int Requests,
    int Events,
    long Accepted,
    long Duplicates,
    long Rejected,
    IReadOnlyList<string> Failures,
    TimeSpan Wall,
    TimeSpan LatencyP50,
    TimeSpan LatencyP99,
    TimeSpan LatencyMax);
