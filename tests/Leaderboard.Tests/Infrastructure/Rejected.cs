namespace Leaderboard.Tests.Infrastructure;

/// <summary>An expected per-event rejection: its position, the id it echoes (null when it had no valid one), the field.</summary>
public sealed record Rejected(int Index, string? Id, string Field);
