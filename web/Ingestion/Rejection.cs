namespace Leaderboard.Web.Ingestion;

/// <summary>One rejected event: its position, its id when it had one, the field at fault and why.</summary>
public sealed record Rejection(int Index, string? Id, string Field, string Error);
