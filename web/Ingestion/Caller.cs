namespace Leaderboard.Web.Ingestion;

/// <summary>Who is writing: the admin (no scope) or an integrator scoped to units.</summary>
public sealed record Caller(string Name, bool IsAdmin, bool CanWrite, IReadOnlyList<string>? Scope);
