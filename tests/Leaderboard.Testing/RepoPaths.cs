namespace Leaderboard.Testing;

/// <summary>Paths inside the repository, found from wherever the test or benchmark runs.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder that holds Leaderboard.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>A path below the repository root.</summary>
    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Leaderboard.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException($"Leaderboard.sln not found above {AppContext.BaseDirectory}.");
    }
}
