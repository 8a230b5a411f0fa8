using Leaderboard.Domain.Events;

namespace Leaderboard.Abstractions.Ingestion;

/// <summary>
/// A validated event on its way to its ledger shard; <see cref="Index"/> is its position in the request,
/// <see cref="Content"/> its JSON text exactly as received, in UTF-8. A struct: a shard's items are one array, not
/// one more object per event next to the parsed event and the journal entry.
/// </summary>
[GenerateSerializer, Immutable, Alias("lb.IngestItem")]
public readonly record struct IngestItem(
    [property: Id(0)] int Index,
    [property: Id(1)] DossierEvent Event,
    [property: Id(2)] byte[] Content,
    [property: Id(3)] byte[] ContentHash);
