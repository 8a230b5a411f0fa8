namespace Leaderboard.Domain.Events;

/// <summary>The event types of events.md.</summary>
public enum EventType : byte
{
    DossierReceived,
    DossierFinished,
    DossierVoided,
    PaymentCompleted,
    PaymentRefunded,
}
