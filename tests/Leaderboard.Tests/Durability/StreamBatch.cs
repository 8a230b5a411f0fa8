namespace Leaderboard.Tests.Durability;

/// <summary>One POST of the generated stream: its events' JSON texts, in order, and the request body they make.</summary>
public sealed record StreamBatch(int Index, IReadOnlyList<string> Events)
{
    public string Body { get; } = "[" + string.Join(",", Events) + "]";
}
