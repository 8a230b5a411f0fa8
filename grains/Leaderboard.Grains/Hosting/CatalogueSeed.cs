using Leaderboard.Grains.Organisation;

namespace Leaderboard.Grains.Hosting;

/// <summary>
/// The data folder the node started from: it seeds an empty store. <see cref="Chosen"/>: the operator named it
/// (<c>Leaderboard:DataPath</c>), so an edit of it is applied at the next start; the built-in sample, used when no folder
/// is named, never replaces what is stored (a headless silo started without the setting would otherwise put the sample
/// organisation back over the cluster's own).
/// </summary>
public sealed record CatalogueSeed(string Folder, CatalogueFiles Files, bool Chosen = true);
