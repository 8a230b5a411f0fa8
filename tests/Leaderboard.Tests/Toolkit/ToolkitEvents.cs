using Leaderboard.Client;

namespace Leaderboard.Tests.Toolkit;

/// <summary>Events of the sample organisation as the client library's <see cref="EventBody"/>.</summary>
internal static class ToolkitEvents
{
    /// <summary>Chi cục Chăn nuôi và Thú y, assigned procedure 9.000101.</summary>
    public const string Unit = "000.07.12.H37";

    public const string Procedure = "9.000101";

    public static string NewTag() => Guid.NewGuid().ToString("N")[..10];

    public static EventBody Received(string id, string dossier, string channel = "online", string unit = Unit) => new()
    {
        Id = id,
        Type = EventTypes.DossierReceived,
        OccurredAt = "2024-07-01T08:00:00+07:00",
        Unit = unit,
        Dossier = dossier,
        Procedure = Procedure,
        Channel = channel,
        DueAt = "2024-07-15",
    };

    /// <summary><paramref name="count"/> receipts of distinct dossiers; every third is received directly, the rest online.</summary>
    public static List<EventBody> Receipts(string tag, int count) =>
        [.. Enumerable.Range(0, count).Select(i => Received($"hub-{tag}-{i}", $"D-{tag}-{i}", i % 3 == 2 ? "direct" : "online"))];

    /// <summary>How many of <see cref="Receipts"/> are online.</summary>
    public static int Online(int count) => count - (count / 3);

    public static async IAsyncEnumerable<EventBody> AsStream(IEnumerable<EventBody> events)
    {
        foreach (var e in events)
        {
            await Task.Yield();
            yield return e;
        }
    }
}
