namespace Leaderboard.Domain.Catalogue;

/// <summary>An administrative procedure (thủ tục hành chính).</summary>
public sealed record Procedure(string Code, string Name, ServiceLevel Level, bool HasFee)
{
    /// <summary>Full and partial procedures are offered online and so count for online-service-usage.</summary>
    public bool IsOnline => Level is ServiceLevel.Full or ServiceLevel.Partial;
}
