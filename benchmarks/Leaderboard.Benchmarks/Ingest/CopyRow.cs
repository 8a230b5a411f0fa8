namespace Leaderboard.Benchmarks.Ingest;

/// <summary>One row of the COPY baseline, with the columns our journal stores.</summary>
public sealed record CopyRow(string Id, int Shard, long Sequence, string Unit, string Dossier, byte[] ContentHash, string Content);
