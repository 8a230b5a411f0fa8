using System.Text.Json;

namespace Leaderboard.Tests.Infrastructure;

/// <summary>One of the spec's worked examples (../shared/spec/examples, copied to tests/Examples).</summary>
public sealed class SpecExample
{
    private SpecExample(string name, JsonDocument document)
    {
        Name = name;
        Document = document;
    }

    public string Name { get; }

    public JsonDocument Document { get; }

    public JsonElement Root => Document.RootElement;

    public string Campaign => Root.GetProperty("campaign").GetString()!;

    public string Board => Root.GetProperty("board").GetString()!;

    public string? AsOf => Root.GetProperty("asOf").GetString();

    public IReadOnlyList<JsonElement> Events => [.. Root.GetProperty("events").EnumerateArray()];

    public IReadOnlyList<JsonElement> Verdicts => [.. Root.GetProperty("verdicts").EnumerateArray()];

    public static SpecExample Load(string file) =>
        new(file, JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", file))));

    public static TheoryData<string> All() => new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Examples"), "*.json").Select(Path.GetFileName).Order()!);
}
