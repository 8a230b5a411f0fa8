namespace Leaderboard.Benchmarks.Organisation;

/// <summary>A procedure of the synthetic catalogue: its service level (<c>full</c>, <c>partial</c>, <c>none</c>) and whether it has a fee.</summary>
public sealed record ProcedureSpec(string Code, string Level, bool HasFee);
