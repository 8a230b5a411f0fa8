using System.Text;

namespace Leaderboard.Importer;

/// <summary>
/// The CSV of rejected rows (UTF-8 with a byte-order mark and CRLF, so spreadsheet tools open it as the export):
/// row, column, field, error, then the row's original values under the export's own headers.
/// </summary>
public sealed class RejectionReport : IDisposable
{
    private static readonly UTF8Encoding Utf8Bom = new(encoderShouldEmitUTF8Identifier: true);

    private readonly FileStream _file;
    private readonly StreamWriter _writer;

    /// <param name="resumeAt">The length of a report to continue (what an earlier run wrote up to its checkpoint), or null to start anew.</param>
    public RejectionReport(string path, IReadOnlyList<string> header, long? resumeAt)
    {
        Path = path;
        var resume = resumeAt is > 0 && File.Exists(path) && new FileInfo(path).Length >= resumeAt;
        _file = new FileStream(path, resume ? FileMode.Open : FileMode.Create, FileAccess.Write, FileShare.Read);
        if (resume)
        {
            // Lines written after the checkpoint belong to rows this run reads again.
            _file.SetLength(resumeAt!.Value);
            _file.Position = resumeAt.Value;
        }

        _writer = new StreamWriter(_file, resume ? new UTF8Encoding(false) : Utf8Bom) { NewLine = "\r\n" };
        if (!resume)
        {
            WriteLine(["Dòng", "Cột", "Trường", "Lỗi", .. header]);
            Flush();
        }
    }

    public string Path { get; }

    /// <summary>The bytes written so far, all flushed.</summary>
    public long Length => _file.Length;

    public void Write(RowError error, IReadOnlyList<string> record) =>
        WriteLine([
            error.Row.ToString(System.Globalization.CultureInfo.InvariantCulture),
            error.Column,
            error.Field,
            error.Part is null ? error.Error : $"{error.Part}: {error.Error}",
            .. record]);

    public void Flush()
    {
        _writer.Flush();
        _file.Flush(flushToDisk: true);
    }

    public void Dispose()
    {
        _writer.Dispose();
        _file.Dispose();
    }

    private void WriteLine(IEnumerable<string> fields) => _writer.WriteLine(string.Join(',', fields.Select(Quote)));

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
