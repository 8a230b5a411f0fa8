using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Leaderboard.Benchmarks.Organisation;

/// <summary>
/// A province with about twenty districts and their communes, a procedure catalogue, assignments and one campaign
/// with a board of the districts and a board per district of its communes, written in the sample organisation's
/// formats (web/SampleData/README.md) to a folder the web node loads with <c>Leaderboard:DataPath</c>.
/// </summary>
public sealed class SyntheticOrganisation
{
    /// <summary>The campaign window (the stream's dates fall inside it).</summary>
    public static readonly DateOnly CampaignStart = new(2024, 6, 6);

    public static readonly DateOnly CampaignEnd = new(2024, 12, 31);

    public const string CampaignId = "bench-2024-tttt";

    private const string Root = "000.00.00.H37";
    private const int Districts = 20;

    private static readonly UTF8Encoding NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private SyntheticOrganisation(string folder, IReadOnlyList<LeafUnit> leaves, int unitCount, int procedureCount, int boardCount)
    {
        Folder = folder;
        Leaves = leaves;
        UnitCount = unitCount;
        ProcedureCount = procedureCount;
        BoardCount = boardCount;
    }

    public string Folder { get; }

    public IReadOnlyList<LeafUnit> Leaves { get; }

    /// <summary>All units: the root, the districts and the leaves.</summary>
    public int UnitCount { get; }

    public int ProcedureCount { get; }

    public int BoardCount { get; }

    public static SyntheticOrganisation Write(string folder, int leafCount, int seed)
    {
        var random = new Random(seed);
        Directory.CreateDirectory(folder);
        var procedures = Procedures(random);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var units = new StringBuilder("code,name,parent,kind\n");
        var assignments = new StringBuilder("unit,procedure\n");
        units.Append(CultureInfo.InvariantCulture, $"{Root},UBND tỉnh Lạng Sơn,,ubnd-tinh\n");
        var leaves = new List<LeafUnit>(leafCount);
        var districtCodes = new List<string>(Districts);
        for (var d = 1; d <= Districts; d++)
        {
            var district = string.Create(CultureInfo.InvariantCulture, $"000.00.{d:00}.H37");
            districtCodes.Add(district);
            units.Append(CultureInfo.InvariantCulture, $"{district},UBND huyện {PlaceNames.Next(random, names)},{Root},ubnd-huyen\n");
            var communes = leafCount / Districts + (d <= leafCount % Districts ? 1 : 0);
            for (var c = 1; c <= communes; c++)
            {
                var code = string.Create(CultureInfo.InvariantCulture, $"{c:000}.{d:00}.{d:00}.H37");
                var kind = c % 9 == 0 ? "phuong" : "xa";
                var title = kind == "phuong" ? "Phường" : "Xã";
                units.Append(CultureInfo.InvariantCulture, $"{code},UBND {title.ToLowerInvariant()} {PlaceNames.Next(random, names)},{district},ubnd-{kind}\n");

                // Every commune handles the common procedures and a random share of the others.
                var handled = procedures.Where((_, i) => i < 4 || random.NextDouble() < 0.4).ToList();
                foreach (var p in handled)
                {
                    assignments.Append(CultureInfo.InvariantCulture, $"{code},{p.Code}\n");
                }

                leaves.Add(new LeafUnit(code, district, handled));
            }
        }

        File.WriteAllText(Path.Combine(folder, "units.csv"), units.ToString(), NoBom);
        File.WriteAllText(Path.Combine(folder, "assignments.csv"), assignments.ToString(), NoBom);
        var catalogue = new StringBuilder("code,name,level,hasFee\n");
        foreach (var p in procedures)
        {
            catalogue.Append(CultureInfo.InvariantCulture, $"{p.Code},Thủ tục cấp xã số {p.Code[2..]},{p.Level},{(p.HasFee ? "true" : "false")}\n");
        }

        File.WriteAllText(Path.Combine(folder, "procedures.csv"), catalogue.ToString(), NoBom);
        WriteCampaign(Path.Combine(folder, $"campaign-{CampaignId}.json"), districtCodes);
        return new SyntheticOrganisation(folder, leaves, 1 + Districts + leaves.Count, procedures.Count, 1 + Districts);
    }

    private static List<ProcedureSpec> Procedures(Random random)
    {
        var list = new List<ProcedureSpec>();
        for (var i = 1; i <= 30; i++)
        {
            var roll = random.NextDouble();
            var level = roll < 0.55 ? "full" : roll < 0.85 ? "partial" : "none";
            list.Add(new ProcedureSpec(string.Create(CultureInfo.InvariantCulture, $"2.{i:000000}"), level, random.NextDouble() < 0.6));
        }

        return list;
    }

    private static void WriteCampaign(string file, List<string> districts)
    {
        using var stream = File.Create(file);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("id", CampaignId);
        json.WriteString("name", "Thi đua thanh toán trực tuyến cấp xã (dữ liệu tổng hợp cho đo hiệu năng)");
        json.WriteString("organiser", Root);
        json.WriteString("start", CampaignStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteString("end", CampaignEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteString("timeZone", "Asia/Ho_Chi_Minh");
        json.WriteStartArray("indicators");
        WriteIndicator(json, "online-service-usage", 0.90m, 0.5m);
        WriteIndicator(json, "online-payment", 0.45m, 0.5m);
        WriteIndicator(json, "online-dossier", 0.90m, 0m);
        WriteIndicator(json, "on-time", 0.95m, 0m);
        json.WriteEndArray();
        json.WriteNumber("scoreCap", 1.2m);
        json.WriteNumber("minVolume", 10);
        json.WriteStartArray("boards");
        WriteBoard(json, "huyen", "Các huyện, thành phố", Root);
        foreach (var district in districts)
        {
            WriteBoard(json, "xa-" + district[7..9], $"Các xã, phường thuộc {district}", district);
        }

        json.WriteEndArray();
        json.WriteStartArray("targetOverrides");
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteIndicator(Utf8JsonWriter json, string id, decimal target, decimal weight)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteNumber("target", target);
        json.WriteNumber("weight", weight);
        json.WriteEndObject();
    }

    private static void WriteBoard(Utf8JsonWriter json, string id, string name, string parent)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteString("name", name);
        json.WriteString("childrenOf", parent);
        json.WriteEndObject();
    }
}
