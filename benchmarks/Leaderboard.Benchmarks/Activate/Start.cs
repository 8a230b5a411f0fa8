using Leaderboard.Benchmarks.Ingest;

namespace Leaderboard.Benchmarks.Activate;

/// <summary>One start of the node: how long until ready, its CPU by then, and what the shard's activation line said.</summary>
public sealed record Start(WebNode Node, double ReadySeconds, double CpuSeconds, double ShardMilliseconds, long Replayed, long Dossiers);
