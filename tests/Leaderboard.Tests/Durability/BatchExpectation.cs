namespace Leaderboard.Tests.Durability;

/// <summary>
/// What any 200 answer to one batch must say, whenever it is sent: the events rejected for their content or for a
/// re-used id (index and field), and how many are valid (each either accepted or a duplicate, depending on history).
/// </summary>
public sealed record BatchExpectation(int Valid, IReadOnlyList<(int Index, string Field)> Rejected, IReadOnlySet<string> ValidIds);
