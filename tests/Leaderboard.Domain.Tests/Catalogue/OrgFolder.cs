using System.Text;
using Leaderboard.Domain.Catalogue;

namespace Leaderboard.Domain.Tests.Catalogue;

/// <summary>A private copy of the sample organisation in a temp folder, with files replaced or removed per test.</summary>
internal sealed class OrgFolder : IDisposable
{
    public const string Campaign = """
        {
          "id": "c1",
          "name": "Thi đua",
          "organiser": "000.00.12.H37",
          "start": "2024-06-06",
          "end": "2024-12-31",
          "timeZone": "Asia/Ho_Chi_Minh",
          "indicators": [
            { "id": "online-service-usage", "target": 0.90, "weight": 0.5 },
            { "id": "online-payment", "target": 0.45, "weight": 0.5 }
          ],
          "scoreCap": 1.2,
          "minVolume": 10,
          "boards": [
            { "id": "don-vi", "name": "Các đơn vị", "childrenOf": "000.00.12.H37" }
          ],
          "targetOverrides": [
            { "unit": "000.07.12.H37", "indicator": "online-payment", "target": 0.5 }
          ]
        }
        """;

    public OrgFolder(bool withSampleCampaign = false)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "lb-catalogue-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        foreach (var file in Directory.GetFiles(CatalogueLoader.DefaultFolder))
        {
            var name = System.IO.Path.GetFileName(file);
            if (name.EndsWith(".csv", StringComparison.Ordinal) || (withSampleCampaign && name.StartsWith("campaign-", StringComparison.Ordinal)))
            {
                File.Copy(file, System.IO.Path.Combine(Path, name));
            }
        }
    }

    public string Path { get; }

    public string FileOf(string name) => System.IO.Path.Combine(Path, name);

    public OrgFolder Write(string name, string text)
    {
        File.WriteAllText(FileOf(name), text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return this;
    }

    /// <summary>Appends lines to a CSV of the sample organisation.</summary>
    public OrgFolder Append(string name, params string[] lines)
    {
        var text = File.ReadAllText(FileOf(name));
        if (!text.EndsWith('\n'))
        {
            text += "\n";
        }

        return Write(name, text + string.Join("\n", lines) + "\n");
    }

    public OrgFolder WriteCampaign(string replace = "", string with = "", string name = "campaign-c1.json")
    {
        var text = replace.Length == 0 ? Campaign : Campaign.Replace(replace, with, StringComparison.Ordinal);
        Assert.True(replace.Length == 0 || text != Campaign, $"the test's replacement did not apply: {replace}");
        return Write(name, text);
    }

    /// <summary>Loading fails, and the message names the file, the line and the field.</summary>
    public CatalogueException Fails(string file, int? line, string field)
    {
        var ex = Assert.Throws<CatalogueException>(() => CatalogueLoader.Load(Path));
        Assert.Equal(FileOf(file), ex.File);
        Assert.Equal(line, ex.Line);
        Assert.Equal(field, ex.Field);
        Assert.Contains(FileOf(file), ex.Message, StringComparison.Ordinal);
        Assert.Contains($"\"{field}\"", ex.Message, StringComparison.Ordinal);
        if (line is { } l)
        {
            Assert.Contains($"dòng {l}", ex.Message, StringComparison.Ordinal);
            Assert.Contains($"line {l}", ex.Message, StringComparison.Ordinal);
        }

        return ex;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
