using System.Text;

namespace Leaderboard.Importer;

/// <summary>
/// Reads CSV as spreadsheet tools write it (RFC 4180): quoted fields may hold separators, quotes (doubled) and line
/// breaks; records end with CRLF or LF; blank lines are skipped. A byte-order mark is removed by the caller's reader.
/// </summary>
public sealed class CsvReader(TextReader reader, char separator)
{
    private readonly StringBuilder _field = new();

    /// <summary>The spreadsheet row of the record read last: 1 is the header.</summary>
    public int Row { get; private set; }

    /// <summary>
    /// The UTF-8 bytes of the text read so far, up to the end of the record read last (the byte-order mark aside): how
    /// far into the file the records go, which the file's position does not tell (it runs a buffer ahead).
    /// </summary>
    public long BytesRead { get; private set; }

    /// <summary>The next record's fields, or null at the end.</summary>
    public string[]? Read()
    {
        while (true)
        {
            var record = ReadRaw();
            if (record is null)
            {
                return null;
            }

            if (record is [""])
            {
                continue;
            }

            Row++;
            return record;
        }
    }

    /// <summary>The separator a header line uses: a semicolon when it has semicolons and no commas, else a comma.</summary>
    public static char Detect(string headerLine) =>
        headerLine.Contains(';', StringComparison.Ordinal) && !headerLine.Contains(',', StringComparison.Ordinal) ? ';' : ',';

    private string[]? ReadRaw()
    {
        var fields = new List<string>();
        var quoted = false;
        var any = false;
        _field.Clear();
        while (true)
        {
            var c = Next();
            if (c < 0)
            {
                if (!any)
                {
                    return null;
                }

                fields.Add(_field.ToString());
                return [.. fields];
            }

            any = true;
            var ch = (char)c;
            if (quoted)
            {
                if (ch != '"')
                {
                    _field.Append(ch);
                }
                else if (reader.Peek() == '"')
                {
                    Next();
                    _field.Append('"');
                }
                else
                {
                    quoted = false;
                }
            }
            else if (ch == '"' && _field.Length == 0)
            {
                quoted = true;
            }
            else if (ch == separator)
            {
                fields.Add(_field.ToString());
                _field.Clear();
            }
            else if (ch is '\r' or '\n')
            {
                if (ch == '\r' && reader.Peek() == '\n')
                {
                    Next();
                }

                fields.Add(_field.ToString());
                return [.. fields];
            }
            else
            {
                _field.Append(ch);
            }
        }
    }

    private int Next()
    {
        var c = reader.Read();
        // A surrogate pair is four bytes in UTF-8: two for each half.
        BytesRead += c switch
        {
            < 0 => 0,
            < 0x80 => 1,
            < 0x800 or (>= 0xD800 and <= 0xDFFF) => 2,
            _ => 3,
        };
        return c;
    }
}
