namespace Leaderboard.Client;

/// <summary>The event types of events.md.</summary>
public static class EventTypes
{
    public const string DossierReceived = "dossier.received";

    public const string DossierFinished = "dossier.finished";

    public const string DossierVoided = "dossier.voided";

    public const string PaymentCompleted = "payment.completed";

    public const string PaymentRefunded = "payment.refunded";
}
