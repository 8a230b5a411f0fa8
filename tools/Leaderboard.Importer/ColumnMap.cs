using System.Text;
using System.Text.Json;

namespace Leaderboard.Importer;

/// <summary>
/// Which header holds which field. Exports differ between provinces in column names and order, so headers are found
/// by name (trimmed, case- and Unicode-normalisation-insensitive), the defaults overridden by <c>--map</c>.
/// </summary>
public sealed class ColumnMap
{
    private readonly Dictionary<string, string> _headers;

    /// <summary>Fields whose header the user named with <c>--map</c>: a header not in the file is then an error.</summary>
    private readonly HashSet<string> _mapped = new(StringComparer.Ordinal);
    private Dictionary<string, int> _index = [];

    private ColumnMap(Dictionary<string, string> headers) => _headers = headers;

    /// <summary>The header row as read, once <see cref="Bind"/> has seen it.</summary>
    public IReadOnlyList<string> Header { get; private set; } = [];

    public static ColumnMap Default() => new(new Dictionary<string, string>(Columns.DefaultHeaders));

    /// <summary>
    /// The defaults with overrides: <c>"Header=field,Header=field"</c>, or the path of a JSON file holding
    /// <c>{ "Header": "field" }</c>.
    /// </summary>
    public static ColumnMap Parse(string? map)
    {
        var result = Default();
        if (string.IsNullOrWhiteSpace(map))
        {
            return result;
        }

        IEnumerable<KeyValuePair<string, string>> pairs;
        if (map.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || File.Exists(map))
        {
            try
            {
                pairs = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(map))
                    ?? throw new ImportException($"Tệp ánh xạ cột '{map}' rỗng.");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
            {
                throw new ImportException($"Không đọc được tệp ánh xạ cột '{map}': {ex.Message}", ex);
            }
        }
        else
        {
            pairs = map.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p =>
            {
                var eq = p.LastIndexOf('=');
                return eq <= 0
                    ? throw new ImportException($"Ánh xạ cột '{p}' không đúng dạng \"Tên cột=trường\".")
                    : new KeyValuePair<string, string>(p[..eq].Trim(), p[(eq + 1)..].Trim());
            });
        }

        foreach (var (header, field) in pairs)
        {
            var known = Columns.DefaultHeaders.Keys.FirstOrDefault(k => string.Equals(k, field, StringComparison.OrdinalIgnoreCase))
                ?? throw new ImportException($"Trường '{field}' không có; các trường: {string.Join(", ", Columns.DefaultHeaders.Keys)}.");
            result._headers[known] = header;
            result._mapped.Add(known);
        }

        return result;
    }

    /// <summary>The header name of a field.</summary>
    public string HeaderOf(string field) => _headers[field];

    /// <summary>
    /// Finds each field's column in the header row. A missing required column, or a header named with <c>--map</c> that
    /// the file does not have, stops the import. Returns the optional fields that have no column, whose events will not
    /// be made (a renamed "Ngày kết thúc xử lý" would otherwise drop every finish without a word).
    /// </summary>
    public IReadOnlyList<string> Bind(IReadOnlyList<string> header)
    {
        Header = header;
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            positions.TryAdd(Normalize(header[i]), i);
        }

        _index = [];
        foreach (var (field, name) in _headers)
        {
            if (positions.TryGetValue(Normalize(name), out var i))
            {
                _index[field] = i;
            }
        }

        var found = $"Các cột trong tệp: {string.Join(", ", header.Select(h => $"'{h.Trim()}'"))}.";
        var missing = Columns.Required.Where(f => !_index.ContainsKey(f)).Select(f => $"'{_headers[f]}' ({f})").ToList();
        if (missing.Count > 0)
        {
            throw new ImportException(
                $"Thiếu cột bắt buộc: {string.Join(", ", missing)}. Dùng --map \"Tên cột=trường\" nếu tệp đặt tên khác. {found} "
                + "Nếu tên cột trong tệp bị lỗi phông chữ, hãy lưu tệp dạng CSV UTF-8.");
        }

        var unmapped = _mapped.Where(f => !_index.ContainsKey(f)).Order(StringComparer.Ordinal).Select(f => $"'{_headers[f]}' ({f})").ToList();
        if (unmapped.Count > 0)
        {
            throw new ImportException($"Không thấy cột đã chỉ định bằng --map: {string.Join(", ", unmapped)}. {found}");
        }

        return [.. Columns.Optional.Where(f => !_index.ContainsKey(f))];
    }

    /// <summary>The trimmed value of a field in a record; empty when the column is absent or the record short.</summary>
    public string Value(IReadOnlyList<string> record, string field) =>
        _index.TryGetValue(field, out var i) && i < record.Count ? record[i].Trim() : "";

    /// <summary>Compares header and code values as people see them: trimmed, composed (NFC), case-insensitive.</summary>
    public static string Normalize(string text) => text.Trim().Normalize(NormalizationForm.FormC).ToUpperInvariant();
}
