namespace Leaderboard.Domain.Events;

/// <summary>
/// Why one event was rejected: the envelope or type field at fault (<c>"body"</c> when it is not a JSON object)
/// and a short Vietnamese message. <see cref="Id"/> is the event's id when it had a valid one, else null.
/// </summary>
public sealed record EventRejection(string? Id, string Field, string Error);
