namespace Leaderboard.Tests.Infrastructure;

/// <summary>
/// An expected per-event rejection: its position, the id it echoes (null when it had no valid one), the field, and the
/// exact message where a test is about what the integrator is told (null: any message that is not blank).
/// </summary>
public sealed record Rejected(int Index, string? Id, string Field, string? Error = null);
