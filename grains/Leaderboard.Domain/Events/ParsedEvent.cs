namespace Leaderboard.Domain.Events;

/// <summary>
/// An accepted event: the mapped <see cref="DossierEvent"/>, the object's JSON text exactly as received, as its UTF-8
/// bytes (what the journal stores, without ever being a string), and the SHA-256 of its canonical form (what decides
/// duplicate versus conflicting re-use of an id).
/// </summary>
public sealed record ParsedEvent(DossierEvent Event, byte[] Content, byte[] ContentHash);
