namespace Leaderboard.Domain.Catalogue;

/// <summary>A per-unit target (decision 497/QĐ-UBND assigns targets per agency).</summary>
public sealed record TargetOverride(string Unit, string Indicator, decimal Target);
