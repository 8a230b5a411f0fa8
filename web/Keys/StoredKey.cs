namespace Leaderboard.Web.Keys;

/// <summary>A key as the store holds it: never the key itself, only its SHA-256 digest.</summary>
public sealed record StoredKey(
    string Id,
    string Name,
    KeyKind Kind,
    byte[] KeyHash,
    IReadOnlyList<string> Units,
    bool CanWrite,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt);
