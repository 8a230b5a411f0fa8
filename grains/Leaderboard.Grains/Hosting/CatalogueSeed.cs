using Leaderboard.Grains.Organisation;

namespace Leaderboard.Grains.Hosting;

/// <summary>The data folder the node started from: it seeds an empty store.</summary>
public sealed record CatalogueSeed(string Folder, CatalogueFiles Files);
