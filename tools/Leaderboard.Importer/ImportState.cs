using System.Text.Json;

namespace Leaderboard.Importer;

/// <summary>
/// The checkpoint of an import, saved after each acknowledged batch: the last row the server acknowledged, a digest of
/// the file up to that row (so that a re-run skips ahead only over the same content), the report's length then, the
/// totals so far, the server it went to, the first row of the last batch (which a re-run sends again to check that
/// the server still holds what it acknowledged) and when the server acknowledged it (a re-run tells the user when the
/// rows it skips were imported; null in a checkpoint saved before it was recorded). Without it, or when the file or the
/// server changed, a re-run starts over and is still exact: the server answers what it already holds as duplicates.
/// </summary>
public sealed record ImportState(
    int Row,
    string Digest,
    long ReportLength,
    int Accepted,
    int Duplicates,
    int RejectedRows,
    string? Url = null,
    int BatchFirstRow = 0,
    DateTimeOffset? SavedAt = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The saved state, or null when there is none or it cannot be read.</summary>
    public static ImportState? Load(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<ImportState>(File.ReadAllText(path), Json) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes a new file and moves it over the old one, so a crash leaves either state whole.</summary>
    public void Save(string path)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json));
        File.Move(temporary, path, overwrite: true);
    }
}
