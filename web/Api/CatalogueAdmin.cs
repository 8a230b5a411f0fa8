using Leaderboard.Grains.Organisation;

namespace Leaderboard.Web.Api;

/// <summary>Replaces catalogue files: validate the whole new catalogue, store it, put it in force on this node.</summary>
public sealed class CatalogueAdmin(CatalogueHolder holder, ICatalogueStore store)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public sealed record FileInfo(string Name, int Bytes);

    public sealed record Listing(long Revision, IReadOnlyList<FileInfo> Files);

    public async Task<Listing> ListAsync()
    {
        var files = holder.Files ?? (await store.LoadAsync())?.Files ?? new CatalogueFiles(new Dictionary<string, string>());
        return Describe(holder.Revision, files);
    }

    public async Task<Listing> ReplaceAsync(string name, string? content, CancellationToken cancellationToken)
    {
        // One change at a time on this node, each built on the latest stored files, so two admins' edits compose.
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var current = (await store.LoadAsync(cancellationToken))?.Files ?? holder.Files ?? new CatalogueFiles(new Dictionary<string, string>());
            var next = current.With(name, content);
            var catalogue = next.Load();
            var revision = await store.SaveAsync(next, cancellationToken: cancellationToken);
            holder.Replace(catalogue, revision, next);
            return Describe(revision, next);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static Listing Describe(long revision, CatalogueFiles files) =>
        new(revision, [.. files.Files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new FileInfo(f.Key, System.Text.Encoding.UTF8.GetByteCount(f.Value)))]);
}
