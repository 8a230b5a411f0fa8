namespace Leaderboard.Grains.Organisation;

/// <summary>The embedded default's store: the files live as long as the process.</summary>
public sealed class InMemoryCatalogueStore : ICatalogueStore
{
    private readonly Lock _gate = new();
    private StoredCatalogue? _stored;

    public bool IsVolatile => true;

    public Task<StoredCatalogue?> LoadAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_stored);
        }
    }

    public Task<long> RevisionAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_stored?.Revision ?? 0);
        }
    }

    public Task<long> SaveAsync(CatalogueFiles files, string? folderDigest = null, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _stored = new StoredCatalogue((_stored?.Revision ?? 0) + 1, files, folderDigest ?? _stored?.FolderDigest);
            return Task.FromResult(_stored.Revision);
        }
    }

    public Task<long?> SaveIfAsync(CatalogueFiles files, string folderDigest, long expectedRevision, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if ((_stored?.Revision ?? 0) != expectedRevision)
            {
                return Task.FromResult<long?>(null);
            }

            _stored = new StoredCatalogue(expectedRevision + 1, files, folderDigest);
            return Task.FromResult<long?>(_stored.Revision);
        }
    }
}
