using Leaderboard.Domain.Catalogue;

namespace Leaderboard.Grains.Organisation;

/// <summary>
/// The catalogue in force on this node, replaceable at run time. Grains read <see cref="Current"/> when they need it
/// and compare <see cref="Revision"/> with the one they were built on, rebuilding themselves when it moved.
/// </summary>
public sealed class CatalogueHolder(Catalogue initial)
{
    private volatile Entry _entry = new(initial, 0, null);

    public Catalogue Current => _entry.Catalogue;

    /// <summary>The store's revision of <see cref="Current"/> (0: the data folder's, not yet stored).</summary>
    public long Revision => _entry.Revision;

    /// <summary>The files <see cref="Current"/> was built from, when it came from the store or the admin API.</summary>
    public CatalogueFiles? Files => _entry.Files;

    /// <summary>Takes a newer revision; an older or equal one is ignored (another node's poll may race an admin write).</summary>
    public bool Replace(Catalogue catalogue, long revision, CatalogueFiles files)
    {
        lock (this)
        {
            if (revision <= _entry.Revision && _entry.Files is not null)
            {
                return false;
            }

            _entry = new Entry(catalogue, revision, files);
            return true;
        }
    }

    private sealed record Entry(Catalogue Catalogue, long Revision, CatalogueFiles? Files);
}
