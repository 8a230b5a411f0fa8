namespace Leaderboard.Domain.Catalogue;

/// <summary>Online service level of a procedure: toàn trình, một phần, or none.</summary>
public enum ServiceLevel
{
    None,
    Partial,
    Full,
}
