namespace Leaderboard.Domain.Catalogue;

/// <summary>An indicator as a campaign uses it: its target (a fraction in (0, 1]) and its weight (≥ 0).</summary>
public sealed record CampaignIndicator(string Id, decimal Target, decimal Weight);
