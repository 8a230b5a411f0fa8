namespace Leaderboard.Grains.Organisation;

/// <summary>
/// The organisation's files as stored, with their revision and the digest of the data folder's content they last
/// took (null: not known, stored before it was kept).
/// </summary>
public sealed record StoredCatalogue(long Revision, CatalogueFiles Files, string? FolderDigest = null);
