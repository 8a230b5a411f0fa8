using Leaderboard.Domain.Catalogue;

namespace Leaderboard.Grains.Organisation;

/// <summary>
/// The organisation as files (name → content) in the data folder's formats: what the store keeps and the admin API
/// replaces. Loading goes through the same <see cref="CatalogueLoader"/> as a data folder, so validation and its
/// messages (file, line, field) are the same.
/// </summary>
public sealed record CatalogueFiles(IReadOnlyDictionary<string, string> Files)
{
    public static bool IsKnownName(string name) =>
        name is CatalogueLoader.UnitsFile or CatalogueLoader.ProceduresFile or CatalogueLoader.AssignmentsFile
        || (name.StartsWith("campaign-", StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal)
            && name.Length > "campaign-.json".Length && name.IndexOfAny(['/', '\\']) < 0 && !name.Contains("..", StringComparison.Ordinal));

    public static CatalogueFiles FromFolder(string folder)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(folder))
        {
            var name = Path.GetFileName(path);
            if (IsKnownName(name))
            {
                files[name] = File.ReadAllText(path);
            }
        }

        return new CatalogueFiles(files);
    }

    /// <summary>SHA-256 of the files, by name in ordinal order: equal for equal content, whatever the order read.</summary>
    public string Digest()
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var name in Files.Keys.Order(StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name));
            hash.AppendData([0]);
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Files[name]));
            hash.AppendData([0]);
        }

        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }

    /// <summary>These files with one replaced (or removed, when <paramref name="content"/> is null).</summary>
    public CatalogueFiles With(string name, string? content)
    {
        var files = new Dictionary<string, string>(Files, StringComparer.Ordinal);
        if (content is null)
        {
            files.Remove(name);
        }
        else
        {
            files[name] = content;
        }

        return new CatalogueFiles(files);
    }

    /// <summary>Validates and builds the catalogue; throws <see cref="CatalogueException"/> naming the file, line and field.</summary>
    public Catalogue Load()
    {
        var folder = Directory.CreateTempSubdirectory("leaderboard-catalogue-");
        try
        {
            foreach (var (name, content) in Files)
            {
                File.WriteAllText(Path.Combine(folder.FullName, name), content);
            }

            try
            {
                return CatalogueLoader.Load(folder.FullName);
            }
            catch (CatalogueException ex)
            {
                // Name the file as the caller knows it, not the temporary folder.
                throw new CatalogueException(Path.GetFileName(ex.File), ex.Line, ex.Field, ex.ReasonVi, ex.ReasonEn);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
