namespace Leaderboard.Grains.Organisation;

/// <summary>The organisation's files as stored, with their revision.</summary>
public sealed record StoredCatalogue(long Revision, CatalogueFiles Files);
