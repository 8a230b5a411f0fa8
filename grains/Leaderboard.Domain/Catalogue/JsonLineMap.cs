using System.Text.Json;

namespace Leaderboard.Domain.Catalogue;

/// <summary>
/// The 1-based line of every value of a JSON file by its property path (<c>boards[0].units[2]</c>; the root is
/// the empty path), so that validation errors found on the <see cref="JsonDocument"/> can name a line.
/// Building it also rejects syntax errors and duplicate property names, which <see cref="JsonDocument"/> accepts.
/// </summary>
internal sealed class JsonLineMap
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    private JsonLineMap()
    {
    }

    public static JsonLineMap Build(string file, ReadOnlySpan<byte> json)
    {
        var map = new JsonLineMap();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        var frames = new Stack<JsonLineFrame>();
        string? pendingPath = null;
        var line = 1;
        var counted = 0;
        try
        {
            while (reader.Read())
            {
                var start = (int)reader.TokenStartIndex;
                line += json[counted..start].Count((byte)'\n');
                counted = start;

                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var frame = frames.Peek();
                        var name = reader.GetString() ?? string.Empty;
                        pendingPath = frame.Path.Length == 0 ? name : $"{frame.Path}.{name}";
                        if (!frame.Names!.Add(name))
                        {
                            throw new CatalogueException(file, line, pendingPath, "trường bị lặp lại", "duplicate property");
                        }

                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.Pop();
                        break;
                    default:
                        string path;
                        if (frames.Count == 0)
                        {
                            path = string.Empty;
                        }
                        else if (frames.Peek().Names is null)
                        {
                            var array = frames.Pop();
                            path = $"{array.Path}[{array.Count}]";
                            frames.Push(array with { Count = array.Count + 1 });
                        }
                        else
                        {
                            path = pendingPath!;
                        }

                        map._lines[path] = line;
                        if (reader.TokenType == JsonTokenType.StartObject)
                        {
                            frames.Push(new JsonLineFrame(path, new HashSet<string>(StringComparer.Ordinal), 0));
                        }
                        else if (reader.TokenType == JsonTokenType.StartArray)
                        {
                            frames.Push(new JsonLineFrame(path, null, 0));
                        }

                        break;
                }
            }
        }
        catch (JsonException ex)
        {
            throw new CatalogueException(file, (int)(ex.LineNumber ?? 0) + 1, "json", "JSON không hợp lệ: " + ex.Message, "invalid JSON");
        }
        catch (InvalidOperationException)
        {
            throw new CatalogueException(file, line, "json", "chuỗi chứa ký tự không hợp lệ", "a string holds invalid characters");
        }

        return map;
    }

    /// <summary>The line of the value at <paramref name="path"/>, else of its nearest enclosing value that exists (for a missing property).</summary>
    public int? LineOf(string path)
    {
        while (true)
        {
            if (_lines.TryGetValue(path, out var line))
            {
                return line;
            }

            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut < 0)
            {
                return path.Length == 0 ? null : LineOf(string.Empty);
            }

            path = path[..cut];
        }
    }
}
