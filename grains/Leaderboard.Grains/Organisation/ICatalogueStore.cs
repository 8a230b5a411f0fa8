namespace Leaderboard.Grains.Organisation;

/// <summary>Where the organisation's files live between restarts and across nodes.</summary>
public interface ICatalogueStore
{
    /// <summary>True when the files live only as long as the process (the embedded default), as for the journal.</summary>
    bool IsVolatile { get; }

    /// <summary>The stored files and their revision, or null when nothing was stored yet.</summary>
    Task<StoredCatalogue?> LoadAsync(CancellationToken cancellationToken = default);

    /// <summary>The stored revision only (cheap: nodes poll it).</summary>
    Task<long> RevisionAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces every file at once and returns the new revision. <paramref name="folderDigest"/>: the files are the data
    /// folder's content with this digest (a start that applies the folder); null keeps the digest stored (an admin change).
    /// </summary>
    Task<long> SaveAsync(CatalogueFiles files, string? folderDigest = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="SaveAsync"/>, only while the stored revision is still <paramref name="expectedRevision"/> (0: nothing
    /// stored yet); null, with nothing changed, when another node saved first. Nodes starting together on an empty
    /// database each seeded it, one revision after the other.
    /// </summary>
    Task<long?> SaveIfAsync(CatalogueFiles files, string folderDigest, long expectedRevision, CancellationToken cancellationToken = default);
}
