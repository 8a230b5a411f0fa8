namespace Leaderboard.Domain.Events;

/// <summary>Either an accepted <see cref="ParsedEvent"/> or an <see cref="EventRejection"/>.</summary>
public readonly record struct ParseOutcome(ParsedEvent? Event, EventRejection? Rejection)
{
    public bool IsAccepted => Event is not null;
}
