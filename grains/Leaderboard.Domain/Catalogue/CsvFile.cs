using System.Text;
using System.Text.Unicode;

namespace Leaderboard.Domain.Catalogue;

/// <summary>
/// A strict RFC 4180 reader for the catalogue's small CSV files: UTF-8 with an optional BOM, a header row that
/// holds exactly the expected columns (in any order), quoted fields with doubled quotes, CRLF or LF.
/// Blank lines are skipped. Records come back with their fields in the order of <c>columns</c>.
/// </summary>
internal static class CsvFile
{
    public static List<CsvRecord> Read(string path, IReadOnlyList<string> columns)
    {
        var text = ReadText(path);
        var rows = Split(path, text);
        if (rows.Count == 0 || rows[0].Line != 1)
        {
            throw new CatalogueException(path, 1, "header", "thiếu dòng tiêu đề", "the header row is missing");
        }

        var header = rows[0].Fields;
        var positions = new int[columns.Count];
        Array.Fill(positions, -1);
        for (var i = 0; i < header.Length; i++)
        {
            var index = IndexOf(columns, header[i]);
            if (index < 0)
            {
                throw new CatalogueException(path, 1, header[i], $"cột không được hỗ trợ; các cột phải đúng là {string.Join(',', columns)}", $"unexpected column; the columns must be exactly {string.Join(',', columns)}");
            }

            if (positions[index] >= 0)
            {
                throw new CatalogueException(path, 1, header[i], "cột bị lặp lại", "duplicate column");
            }

            positions[index] = i;
        }

        for (var c = 0; c < columns.Count; c++)
        {
            if (positions[c] < 0)
            {
                throw new CatalogueException(path, 1, columns[c], "thiếu cột bắt buộc", "required column missing");
            }
        }

        var records = new List<CsvRecord>(rows.Count - 1);
        for (var r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row.Fields.Length < header.Length)
            {
                throw new CatalogueException(path, row.Line, header[row.Fields.Length], "thiếu cột trong dòng", "the row has too few fields");
            }

            if (row.Fields.Length > header.Length)
            {
                throw new CatalogueException(path, row.Line, $"cột {row.Fields.Length}", $"dòng có nhiều hơn {header.Length} cột", $"the row has more than {header.Length} fields");
            }

            var fields = new string[columns.Count];
            for (var c = 0; c < columns.Count; c++)
            {
                fields[c] = row.Fields[positions[c]];
            }

            records.Add(new CsvRecord(row.Line, fields));
        }

        return records;
    }

    private static int IndexOf(IReadOnlyList<string> columns, string name)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static string ReadText(string path)
    {
        if (!File.Exists(path))
        {
            throw new CatalogueException(path, null, "file", "không tìm thấy tệp", "file not found");
        }

        ReadOnlySpan<byte> bytes = File.ReadAllBytes(path);
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        if (!Utf8.IsValid(bytes))
        {
            var line = 1;
            foreach (var range in bytes.Split((byte)'\n'))
            {
                if (!Utf8.IsValid(bytes[range]))
                {
                    break;
                }

                line++;
            }

            throw new CatalogueException(path, line, "encoding", "không phải UTF-8 hợp lệ", "not valid UTF-8");
        }

        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Splits into records of raw fields, each with the line it starts on; blank lines are dropped.</summary>
    private static List<CsvRecord> Split(string path, string text)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var i = 0;
        var atFieldStart = true;
        var recordIsEmpty = true;

        void EndRecord()
        {
            if (!(recordIsEmpty && fields.Count == 0 && field.Length == 0))
            {
                fields.Add(field.ToString());
                records.Add(new CsvRecord(recordLine, [.. fields]));
            }

            fields.Clear();
            field.Clear();
            atFieldStart = true;
            recordIsEmpty = true;
        }

        while (i < text.Length)
        {
            var ch = text[i];
            if (atFieldStart && ch == '"')
            {
                var quoteLine = line;
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new CatalogueException(path, quoteLine, "csv", "thiếu dấu ngoặc kép đóng", "unterminated quoted field");
                    }

                    var q = text[i];
                    if (q == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    if (q == '\n' || (q == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
                    {
                        line++;
                    }

                    field.Append(q);
                    i++;
                }

                atFieldStart = false;
                recordIsEmpty = false;
                if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    throw new CatalogueException(path, line, "csv", "ký tự thừa sau dấu ngoặc kép đóng", "characters after a closing quote");
                }

                continue;
            }

            switch (ch)
            {
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    recordIsEmpty = false;
                    i++;
                    break;
                case '\r' or '\n':
                    EndRecord();
                    i += ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                    line++;
                    recordLine = line;
                    break;
                case '"':
                    throw new CatalogueException(path, line, "csv", "dấu ngoặc kép trong trường không được bao bởi ngoặc kép", "a quote inside an unquoted field");
                default:
                    field.Append(ch);
                    atFieldStart = false;
                    recordIsEmpty = false;
                    i++;
                    break;
            }
        }

        EndRecord();
        return records;
    }
}
