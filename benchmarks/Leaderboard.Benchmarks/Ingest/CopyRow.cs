namespace Leaderboard.Benchmarks.Ingest;

/// <summary>One row of the COPY baseline, with the columns our journal stores; the content as UTF-8, as the journal writes it.</summary>
public sealed record CopyRow(string Id, int Shard, long Sequence, string Unit, string Dossier, byte[] ContentHash, byte[] Content);
