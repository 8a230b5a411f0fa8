using Leaderboard.Domain.Catalogue;
using Leaderboard.Grains.Organisation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Leaderboard.Grains.Hosting;

/// <summary>
/// Keeps this node's catalogue equal to the stored one. At start-up the data folder seeds the store the first time, and
/// a folder the operator named (<c>Leaderboard:DataPath</c>) is applied again as a new revision whenever its content
/// differs from what the store last took from a folder (an operator edited it and restarted); with the same content,
/// the stored files win, with what the admin API changed since. The built-in sample (no folder named) never replaces
/// what is stored. Afterwards a short poll picks up what an admin changed on any node.
/// </summary>
internal sealed partial class CatalogueSync(
    CatalogueHolder holder,
    ICatalogueStore store,
    CatalogueSeed seed,
    TimeProvider time,
    ILogger<CatalogueSync> logger) : BackgroundService
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(2);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Another node starting at the same time may save between this node's read and its write: then it reads again,
        // and finds what the other saved (the same folder, or a store that is no longer empty).
        while (!await SettleAsync(cancellationToken))
        {
            LogSavedElsewhere();
        }

        await base.StartAsync(cancellationToken);
    }

    /// <summary>Seeds, applies the folder or takes the stored catalogue; false when another node saved first.</summary>
    private async Task<bool> SettleAsync(CancellationToken cancellationToken)
    {
        var stored = await store.LoadAsync(cancellationToken);
        var folder = seed.Files.Digest();
        if (stored is null)
        {
            if (await store.SaveIfAsync(seed.Files, folder, 0, cancellationToken) is not { } revision)
            {
                return false;
            }

            holder.Replace(holder.Current, revision, seed.Files);
            if (seed.Chosen || store.IsVolatile)
            {
                // A named folder, or the embedded default, which starts from the sample every time.
                LogSeeded(seed.Folder, revision);
            }
            else
            {
                LogSampleSeeded(seed.Folder, revision);
            }
        }
        else if (stored.FolderDigest != folder && stored.Files.Digest() != folder)
        {
            if (seed.Chosen)
            {
                // The catalogue in force was loaded from the folder: it becomes the stored one for every node.
                if (await store.SaveIfAsync(seed.Files, folder, stored.Revision, cancellationToken) is not { } revision)
                {
                    return false;
                }

                holder.Replace(holder.Current, revision, seed.Files);
                LogFolderApplied(seed.Folder, stored.Revision, revision);
            }
            else
            {
                // No folder was named: the built-in sample only ever seeds an empty store.
                LogSampleNotApplied(stored.Revision);
                Take(stored);
            }
        }
        else
        {
            if (stored.FolderDigest != folder)
            {
                // The same files, stored before the folder's digest was kept: remember it, nothing else changes.
                if (await store.SaveIfAsync(stored.Files, folder, stored.Revision, cancellationToken) is not { } revision)
                {
                    return false;
                }

                stored = stored with { Revision = revision, FolderDigest = folder };
            }

            Take(stored);
        }

        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollEvery, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (await store.RevisionAsync(stoppingToken) > holder.Revision && await store.LoadAsync(stoppingToken) is { } stored)
                {
                    Take(stored);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPollFailed(ex);
            }
        }
    }

    private void Take(StoredCatalogue stored)
    {
        try
        {
            if (holder.Replace(stored.Files.Load(), stored.Revision, stored.Files))
            {
                LogLoaded(stored.Revision);
            }
        }
        catch (CatalogueException ex)
        {
            // A stored catalogue that no longer validates (a stricter version of the rules) must not stop the node.
            LogInvalidStored(ex, stored.Revision);
        }
    }
}
