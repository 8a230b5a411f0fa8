namespace Leaderboard.Benchmarks.Organisation;

/// <summary>A commune of the synthetic organisation: where dossiers are received, and the procedures it handles.</summary>
public sealed record LeafUnit(string Code, string District, IReadOnlyList<ProcedureSpec> Procedures);
