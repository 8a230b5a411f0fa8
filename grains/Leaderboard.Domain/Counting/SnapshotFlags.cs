namespace Leaderboard.Domain.Counting;

/// <summary>Which parts of a dossier's state follow in a ledger snapshot (format version 1: never renumber).</summary>
[Flags]
internal enum SnapshotFlags : byte
{
    None = 0,
    Voided = 1,
    Receipt = 2,
    Finished = 4,
    FinishDue = 8,
    Payments = 16,
}
