namespace Leaderboard.Grains.Storage;

/// <summary>
/// One event as the journal keeps it. <see cref="Shard"/> and <see cref="Sequence"/> order the ledger shard's
/// events in arrival order (replay order); <see cref="Unit"/> is the unit the event named, <see cref="CountedFor"/>
/// the unit its dossier counted for once it was applied (what replay rebuilds moves from, and what an audit reads).
/// <see cref="Content"/> is the event's JSON exactly as received, as UTF-8 bytes (the <c>text</c> column's own
/// encoding, so it is written and read without a string); <see cref="ContentHash"/> the SHA-256 of its canonical form.
/// A struct: a shard makes one per event it journals, and the lists and groups that carry them hold them inline.
/// </summary>
public readonly record struct JournalEntry(
    string EventId,
    int Shard,
    long Sequence,
    string Unit,
    string? CountedFor,
    string Dossier,
    byte[] ContentHash,
    byte[] Content);
