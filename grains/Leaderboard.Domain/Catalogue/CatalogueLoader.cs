namespace Leaderboard.Domain.Catalogue;

/// <summary>
/// Loads and validates an organisation folder in the formats of the sample organisation: <c>units.csv</c>,
/// <c>procedures.csv</c>, <c>assignments.csv</c> and every <c>campaign-*.json</c>. Invalid content throws
/// <see cref="CatalogueException"/> naming the file, the line and the field.
/// </summary>
public static class CatalogueLoader
{
    /// <summary>The time zone of every Vietnamese campaign, used when a folder has no campaign or a campaign names none.</summary>
    public const string DefaultTimeZone = "Asia/Ho_Chi_Minh";

    public const string UnitsFile = "units.csv";
    public const string ProceduresFile = "procedures.csv";
    public const string AssignmentsFile = "assignments.csv";

    private static readonly string[] UnitColumns = ["code", "name", "parent", "kind"];
    private static readonly string[] ProcedureColumns = ["code", "name", "level", "hasFee"];
    private static readonly string[] AssignmentColumns = ["unit", "procedure"];

    /// <summary>The bundled sample organisation, copied next to the application as <c>SampleData</c>.</summary>
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "SampleData");

    public static Catalogue Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new CatalogueException(folder, null, "folder", "không tìm thấy thư mục", "folder not found");
        }

        var units = LoadUnits(Path.Combine(folder, UnitsFile));
        var procedures = LoadProcedures(Path.Combine(folder, ProceduresFile));
        var assignments = LoadAssignments(Path.Combine(folder, AssignmentsFile), units, procedures);

        var children = units.Keys.ToDictionary(k => k, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var unit in units.Values.OrderBy(u => u.Code, StringComparer.Ordinal))
        {
            if (unit.Parent is { } parent)
            {
                children[parent].Add(unit.Code);
            }
        }

        var files = Directory.EnumerateFiles(folder, "campaign-*.json")
            .Where(f => Path.GetFileName(f).StartsWith("campaign-", StringComparison.Ordinal) && f.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        var campaigns = new List<Campaign>();
        var firstFileOf = new Dictionary<string, string>(StringComparer.Ordinal);
        TimeZoneInfo? zone = null;
        string? zoneFile = null;
        foreach (var file in files)
        {
            var (campaign, campaignZone) = CampaignFileReader.Read(file, units, children);
            if (firstFileOf.TryGetValue(campaign.Id, out var other))
            {
                throw new CatalogueException(file, CampaignFileReader.LineOf(file, "id"), "id", $"mã đợt thi đua bị trùng với tệp {other}", $"duplicate campaign id, also in {other}");
            }

            if (zone is not null && zone.Id != campaignZone.Id)
            {
                throw new CatalogueException(
                    file,
                    CampaignFileReader.LineOf(file, "timeZone"),
                    "timeZone",
                    $"mọi đợt thi đua phải dùng chung một múi giờ; {zoneFile} dùng {zone.Id}",
                    $"all campaigns must share one time zone; {zoneFile} uses {zone.Id}");
            }

            zone ??= campaignZone;
            zoneFile ??= file;
            firstFileOf[campaign.Id] = file;
            campaigns.Add(campaign);
        }

        zone ??= TimeZoneInfo.FindSystemTimeZoneById(DefaultTimeZone);
        return new Catalogue(units.Values, procedures.Values, assignments, campaigns, zone);
    }

    private static Dictionary<string, OrgUnit> LoadUnits(string file)
    {
        var units = new Dictionary<string, OrgUnit>(StringComparer.Ordinal);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in CsvFile.Read(file, UnitColumns))
        {
            var code = Code(file, record, 0, "code");
            var name = record.Fields[1];
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new CatalogueException(file, record.Line, "name", "tên đơn vị không được để trống", "the unit name must not be empty");
            }

            var parent = record.Fields[2].Length == 0 ? null : Code(file, record, 2, "parent");
            if (units.ContainsKey(code))
            {
                throw new CatalogueException(file, record.Line, "code", $"mã đơn vị bị trùng với dòng {lines[code]}", $"duplicate unit code, see line {lines[code]}");
            }

            units[code] = new OrgUnit(code, name, parent, record.Fields[3]);
            lines[code] = record.Line;
        }

        foreach (var unit in units.Values)
        {
            if (unit.Parent is { } parent && !units.ContainsKey(parent))
            {
                throw new CatalogueException(file, lines[unit.Code], "parent", $"không phải một đơn vị đã biết: {parent}", "not a known unit");
            }
        }

        foreach (var unit in units.Values.OrderBy(u => lines[u.Code]))
        {
            var chain = new List<string> { unit.Code };
            for (var p = unit.Parent; p is not null; p = units[p].Parent)
            {
                if (p == unit.Code)
                {
                    chain.Add(p);
                    throw new CatalogueException(file, lines[unit.Code], "parent", $"quan hệ cấp trên tạo thành vòng lặp: {string.Join(" → ", chain)}", "the parent chain forms a cycle");
                }

                if (chain.Contains(p))
                {
                    break;
                }

                chain.Add(p);
            }
        }

        return units;
    }

    private static Dictionary<string, Procedure> LoadProcedures(string file)
    {
        var procedures = new Dictionary<string, Procedure>(StringComparer.Ordinal);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in CsvFile.Read(file, ProcedureColumns))
        {
            var code = Code(file, record, 0, "code");
            if (procedures.ContainsKey(code))
            {
                throw new CatalogueException(file, record.Line, "code", $"mã thủ tục bị trùng với dòng {lines[code]}", $"duplicate procedure code, see line {lines[code]}");
            }

            var name = record.Fields[1];
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new CatalogueException(file, record.Line, "name", "tên thủ tục không được để trống", "the procedure name must not be empty");
            }

            var level = record.Fields[2] switch
            {
                "full" => ServiceLevel.Full,
                "partial" => ServiceLevel.Partial,
                "none" => ServiceLevel.None,
                _ => throw new CatalogueException(file, record.Line, "level", "giá trị không hợp lệ: phải là full, partial hoặc none", "invalid value: must be full, partial or none"),
            };
            var hasFee = record.Fields[3] switch
            {
                "true" => true,
                "false" => false,
                _ => throw new CatalogueException(file, record.Line, "hasFee", "giá trị không hợp lệ: phải là true hoặc false", "invalid value: must be true or false"),
            };
            procedures[code] = new Procedure(code, name, level, hasFee);
            lines[code] = record.Line;
        }

        return procedures;
    }

    private static List<(string Unit, string Procedure)> LoadAssignments(string file, Dictionary<string, OrgUnit> units, Dictionary<string, Procedure> procedures)
    {
        var seen = new HashSet<(string, string)>();
        var assignments = new List<(string Unit, string Procedure)>();
        foreach (var record in CsvFile.Read(file, AssignmentColumns))
        {
            var unit = record.Fields[0];
            if (!units.ContainsKey(unit))
            {
                throw new CatalogueException(file, record.Line, "unit", $"không phải một đơn vị đã biết: {unit}", "not a known unit");
            }

            var procedure = record.Fields[1];
            if (!procedures.ContainsKey(procedure))
            {
                throw new CatalogueException(file, record.Line, "procedure", $"không phải một thủ tục đã biết: {procedure}", "not a known procedure");
            }

            if (seen.Add((unit, procedure)))
            {
                assignments.Add((unit, procedure));
            }
        }

        return assignments;
    }

    /// <summary>A code field: not empty, and no white space at either end (it is matched byte for byte against events).</summary>
    private static string Code(string file, CsvRecord record, int index, string column)
    {
        var code = record.Fields[index];
        if (code.Length == 0)
        {
            throw new CatalogueException(file, record.Line, column, "mã không được để trống", "the code must not be empty");
        }

        if (char.IsWhiteSpace(code[0]) || char.IsWhiteSpace(code[^1]))
        {
            throw new CatalogueException(file, record.Line, column, "mã có khoảng trắng ở đầu hoặc cuối", "the code has white space at either end");
        }

        return code;
    }
}
