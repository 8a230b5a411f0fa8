using System.Globalization;
using System.Text.Json;

namespace Leaderboard.Domain.Catalogue;

/// <summary>Reads and validates one <c>campaign-*.json</c>; every error names the file, the line and the property path.</summary>
internal sealed class CampaignFileReader
{
    private readonly string _file;
    private readonly JsonLineMap _lines;
    private readonly IReadOnlyDictionary<string, OrgUnit> _units;
    private readonly IReadOnlyDictionary<string, List<string>> _children;

    private CampaignFileReader(string file, JsonLineMap lines, IReadOnlyDictionary<string, OrgUnit> units, IReadOnlyDictionary<string, List<string>> children)
    {
        _file = file;
        _lines = lines;
        _units = units;
        _children = children;
    }

    /// <summary>The campaign and the time zone it names.</summary>
    public static (Campaign Campaign, TimeZoneInfo TimeZone) Read(
        string file,
        IReadOnlyDictionary<string, OrgUnit> units,
        IReadOnlyDictionary<string, List<string>> children)
    {
        ReadOnlyMemory<byte> bytes = File.ReadAllBytes(file);
        if (bytes.Span.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        var lines = JsonLineMap.Build(file, bytes.Span);
        using var document = JsonDocument.Parse(bytes);
        return new CampaignFileReader(file, lines, units, children).ReadCampaign(document.RootElement);
    }

    /// <summary>The line of the campaign's <c>id</c> or <c>timeZone</c>, for errors that span files.</summary>
    public static int? LineOf(string file, string path)
    {
        ReadOnlySpan<byte> bytes = File.ReadAllBytes(file);
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        return JsonLineMap.Build(file, bytes).LineOf(path);
    }

    private (Campaign, TimeZoneInfo) ReadCampaign(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Fail(string.Empty, "phải là một đối tượng JSON", "must be a JSON object");
        }

        var id = ReadId(root, "id");
        var name = RequiredText(root, "name");
        var organiser = OptionalString(root, "organiser");
        var start = RequiredDate(root, "start");
        var end = RequiredDate(root, "end");
        if (start > end)
        {
            throw Fail("end", $"ngày kết thúc phải không sớm hơn ngày bắt đầu {start:yyyy-MM-dd}", $"the end date must not be before the start date {start:yyyy-MM-dd}");
        }

        var zoneId = OptionalString(root, "timeZone") ?? CatalogueLoader.DefaultTimeZone;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) || !zone.HasIanaId)
        {
            throw Fail("timeZone", "không phải một múi giờ IANA đã biết", "not a known IANA time zone");
        }

        var indicators = ReadIndicators(root);
        var scoreCap = OptionalDecimal(root, "scoreCap") ?? Campaign.DefaultScoreCap;
        if (scoreCap <= 0m)
        {
            throw Fail("scoreCap", "phải lớn hơn 0", "must be above 0");
        }

        var minVolume = Campaign.DefaultMinVolume;
        if (Optional(root, "minVolume") is { } mv)
        {
            if (mv.ValueKind != JsonValueKind.Number || !mv.TryGetInt32(out minVolume) || minVolume < 0)
            {
                throw Fail("minVolume", "phải là số nguyên không âm", "must be a non-negative integer");
            }
        }

        var boards = ReadBoards(root);
        var overrides = ReadOverrides(root);
        var mode = RankingMode.Raw;
        if (OptionalString(root, "rankingMode") is { } m)
        {
            mode = m switch
            {
                "raw" => RankingMode.Raw,
                "wilson" => RankingMode.Wilson,
                _ => throw Fail("rankingMode", "giá trị không hợp lệ: phải là raw hoặc wilson", "invalid value: must be raw or wilson"),
            };
        }

        var campaign = new Campaign(id, name, organiser, start, end, zone.Id, indicators, scoreCap, minVolume, boards, overrides, mode);
        return (campaign, zone);
    }

    private List<CampaignIndicator> ReadIndicators(JsonElement root)
    {
        var array = RequiredArray(root, "indicators");
        var list = new List<CampaignIndicator>();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = $"indicators[{index++}]";
            RequireObject(item, path);
            var id = RequiredString(item, path, "id");
            if (!IndicatorIds.All.Contains(id))
            {
                throw Fail(path + ".id", $"không phải một chỉ tiêu đã biết ({string.Join(", ", IndicatorIds.All)})", "not a known indicator");
            }

            if (list.Exists(i => i.Id == id))
            {
                throw Fail(path + ".id", "chỉ tiêu bị lặp lại", "duplicate indicator");
            }

            var target = ReadTarget(item, path + ".target", required: false) ?? IndicatorIds.DefaultTarget(id);
            var weight = OptionalDecimal(item, path + ".weight", "weight") ?? throw Fail(path + ".weight", "thiếu trường bắt buộc", "required field missing");
            if (weight < 0m)
            {
                throw Fail(path + ".weight", "trọng số phải không âm", "the weight must be 0 or more");
            }

            list.Add(new CampaignIndicator(id, target, weight));
        }

        if (!list.Exists(i => i.Weight > 0m))
        {
            throw Fail("indicators", "phải có ít nhất một chỉ tiêu có trọng số lớn hơn 0", "at least one indicator must have a weight above 0");
        }

        return list;
    }

    private List<Board> ReadBoards(JsonElement root)
    {
        var array = RequiredArray(root, "boards");
        var boards = new List<Board>();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = $"boards[{index++}]";
            RequireObject(item, path);
            var id = ReadId(item, path + ".id", "id");
            if (boards.Exists(b => b.Id == id))
            {
                throw Fail(path + ".id", "mã bảng xếp hạng bị lặp lại", "duplicate board id");
            }

            var name = RequiredText(item, path + ".name", "name");
            var childrenOf = Optional(item, "childrenOf");
            var units = Optional(item, "units");
            if (childrenOf is not null && units is not null)
            {
                throw Fail(path + ".units", "chỉ được có một trong hai trường childrenOf hoặc units", "only one of childrenOf and units may be given");
            }

            if (childrenOf is { } parentElement)
            {
                var parent = AsString(parentElement, path + ".childrenOf");
                if (!_units.ContainsKey(parent))
                {
                    throw Fail(path + ".childrenOf", $"không phải một đơn vị đã biết: {parent}", "not a known unit");
                }

                boards.Add(new Board(id, name, parent, [.. _children[parent]]));
            }
            else if (units is { } list)
            {
                if (list.ValueKind != JsonValueKind.Array)
                {
                    throw Fail(path + ".units", "phải là một mảng mã đơn vị", "must be an array of unit codes");
                }

                var members = new List<string>();
                var m = 0;
                foreach (var u in list.EnumerateArray())
                {
                    var memberPath = $"{path}.units[{m++}]";
                    var code = AsString(u, memberPath);
                    if (!_units.ContainsKey(code))
                    {
                        throw Fail(memberPath, $"không phải một đơn vị đã biết: {code}", "not a known unit");
                    }

                    if (members.Contains(code))
                    {
                        throw Fail(memberPath, "đơn vị bị lặp lại", "duplicate unit");
                    }

                    members.Add(code);
                }

                if (members.Count == 0)
                {
                    throw Fail(path + ".units", "danh sách đơn vị trống", "the unit list is empty");
                }

                boards.Add(new Board(id, name, null, members));
            }
            else
            {
                throw Fail(path + ".childrenOf", "thiếu childrenOf hoặc units", "childrenOf or units is required");
            }
        }

        return boards;
    }

    private List<TargetOverride> ReadOverrides(JsonElement root)
    {
        var overrides = new List<TargetOverride>();
        if (Optional(root, "targetOverrides") is not { } array)
        {
            return overrides;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw Fail("targetOverrides", "phải là một mảng", "must be an array");
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = $"targetOverrides[{index++}]";
            RequireObject(item, path);
            var unit = RequiredString(item, path, "unit");
            if (!_units.ContainsKey(unit))
            {
                throw Fail(path + ".unit", $"không phải một đơn vị đã biết: {unit}", "not a known unit");
            }

            var indicator = RequiredString(item, path, "indicator");
            if (!IndicatorIds.All.Contains(indicator))
            {
                throw Fail(path + ".indicator", "không phải một chỉ tiêu đã biết", "not a known indicator");
            }

            if (overrides.Exists(o => o.Unit == unit && o.Indicator == indicator))
            {
                throw Fail(path, "chỉ tiêu của đơn vị này đã được ghi đè", "duplicate override for this unit and indicator");
            }

            var target = ReadTarget(item, path + ".target", required: true)!.Value;
            overrides.Add(new TargetOverride(unit, indicator, target));
        }

        return overrides;
    }

    private decimal? ReadTarget(JsonElement parent, string path, bool required)
    {
        var value = OptionalDecimal(parent, path, "target");
        if (value is null)
        {
            return required ? throw Fail(path, "thiếu trường bắt buộc", "required field missing") : null;
        }

        return value is > 0m and <= 1m
            ? value
            : throw Fail(path, "chỉ tiêu phải lớn hơn 0 và không quá 1", "the target must be above 0 and at most 1");
    }

    private string ReadId(JsonElement parent, string path, string? name = null)
    {
        var id = RequiredText(parent, path, name ?? path);
        foreach (var ch in id)
        {
            if (ch == '/' || char.IsWhiteSpace(ch) || char.IsControl(ch))
            {
                throw Fail(path, "mã không được chứa dấu /, khoảng trắng hay ký tự điều khiển", "the id must not contain '/', white space or control characters");
            }
        }

        return id;
    }

    private DateOnly RequiredDate(JsonElement parent, string name)
    {
        var text = RequiredString(parent, string.Empty, name);
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Fail(name, "phải là một ngày có thật dạng yyyy-MM-dd", "must be a real date in the form yyyy-MM-dd");
    }

    private string RequiredText(JsonElement parent, string name) => RequiredText(parent, name, name);

    private string RequiredText(JsonElement parent, string path, string name)
    {
        var text = AsString(Optional(parent, name) ?? throw Fail(path, "thiếu trường bắt buộc", "required field missing"), path);
        return string.IsNullOrWhiteSpace(text) ? throw Fail(path, "không được để trống", "must not be empty") : text;
    }

    private string RequiredString(JsonElement parent, string parentPath, string name)
    {
        var path = parentPath.Length == 0 ? name : $"{parentPath}.{name}";
        return AsString(Optional(parent, name) ?? throw Fail(path, "thiếu trường bắt buộc", "required field missing"), path);
    }

    private string? OptionalString(JsonElement parent, string name) =>
        Optional(parent, name) is { } value ? AsString(value, name) : null;

    private decimal? OptionalDecimal(JsonElement parent, string name) => OptionalDecimal(parent, name, name);

    private decimal? OptionalDecimal(JsonElement parent, string path, string name)
    {
        if (Optional(parent, name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
        {
            throw Fail(path, "phải là một số thập phân", "must be a decimal number");
        }

        return Normalise(number);
    }

    private JsonElement RequiredArray(JsonElement parent, string name)
    {
        var value = Optional(parent, name) ?? throw Fail(name, "thiếu trường bắt buộc", "required field missing");
        return value.ValueKind == JsonValueKind.Array ? value : throw Fail(name, "phải là một mảng", "must be an array");
    }

    private void RequireObject(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Fail(path, "phải là một đối tượng JSON", "must be a JSON object");
        }
    }

    private string AsString(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Fail(path, "phải là một chuỗi", "must be a string");

    /// <summary>The property, or null when it is absent or JSON null.</summary>
    private static JsonElement? Optional(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>Drops trailing zeros (0.90 → 0.9) so targets print and serialise as written by value.</summary>
    private static decimal Normalise(decimal value)
    {
        while (value.Scale > 0)
        {
            var shorter = decimal.Round(value, value.Scale - 1);
            if (shorter != value)
            {
                break;
            }

            value = shorter;
        }

        return value;
    }

    private CatalogueException Fail(string path, string reasonVi, string reasonEn) =>
        new(_file, _lines.LineOf(path), path.Length == 0 ? "(gốc)" : path, reasonVi, reasonEn);
}
