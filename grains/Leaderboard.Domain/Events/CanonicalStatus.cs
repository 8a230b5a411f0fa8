namespace Leaderboard.Domain.Events;

/// <summary>Outcome of writing the canonical form of a JSON value.</summary>
internal enum CanonicalStatus : byte
{
    Ok,
    DuplicateProperty,
    TooDeep,
}
