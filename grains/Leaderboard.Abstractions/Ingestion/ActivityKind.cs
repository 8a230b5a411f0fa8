using Leaderboard.Domain.Events;

namespace Leaderboard.Abstractions.Ingestion;

/// <summary>The kinds of activity the ticker shows: what happened, never to whom.</summary>
public static class ActivityKind
{
    public const string ReceivedOnline = "received-online";
    public const string ReceivedOffline = "received-offline";
    public const string Finished = "finished";
    public const string PaidOnline = "paid-online";
    public const string PaidOffline = "paid-offline";
    public const string Refunded = "refunded";
    public const string Voided = "voided";

    public static string Of(DossierEvent e) => e.Type switch
    {
        EventType.DossierReceived => e.Channel == Channel.Online ? ReceivedOnline : ReceivedOffline,
        EventType.DossierFinished => Finished,
        EventType.DossierVoided => Voided,
        EventType.PaymentCompleted => e.Method == PaymentMethod.Online ? PaidOnline : PaidOffline,
        EventType.PaymentRefunded => Refunded,
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.Type, "unknown event type"),
    };
}
