namespace Leaderboard.Benchmarks.Activate;

/// <summary>One row of the journal as the ledger shard writes it (<c>received_at</c> left to its default; the content as UTF-8).</summary>
public sealed record JournalRow(string EventId, long Sequence, string Unit, string CountedFor, string Dossier, byte[] ContentHash, byte[] Content);
