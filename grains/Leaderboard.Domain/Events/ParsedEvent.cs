namespace Leaderboard.Domain.Events;

/// <summary>
/// An accepted event: the mapped <see cref="DossierEvent"/>, the object's JSON text exactly as received (what the
/// journal stores) and the SHA-256 of its canonical form (what decides duplicate versus conflicting re-use of an id).
/// </summary>
public sealed record ParsedEvent(DossierEvent Event, string Content, byte[] ContentHash);
