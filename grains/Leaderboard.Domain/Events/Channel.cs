namespace Leaderboard.Domain.Events;

/// <summary>How a dossier was received.</summary>
public enum Channel : byte
{
    Online,
    Direct,
    Postal,
}
