using System.Globalization;
using Leaderboard.Domain.Events;

namespace Leaderboard.Domain.Tests.Support;

/// <summary>Builds validated events with fresh ids; instants are written as in events.md (with their offset).</summary>
internal sealed class EventFactory
{
    private int _next;

    public static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);

    public static DateOnly Day(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public DossierEvent Received(string dossier, string unit, string procedure, Channel channel, string at, string? due = null) =>
        new(NextId(), EventType.DossierReceived, At(at), unit, dossier, Procedure: procedure, Channel: channel, DueDate: due is null ? null : Day(due));

    public DossierEvent Finished(string dossier, string unit, string at, string? due = null) =>
        new(NextId(), EventType.DossierFinished, At(at), unit, dossier, DueDate: due is null ? null : Day(due));

    public DossierEvent Voided(string dossier, string unit, string at) =>
        new(NextId(), EventType.DossierVoided, At(at), unit, dossier, Reason: "Nhập nhầm");

    public DossierEvent Paid(string dossier, string unit, string payment, PaymentMethod method, string at, long amount = 50_000) =>
        new(NextId(), EventType.PaymentCompleted, At(at), unit, dossier, Payment: payment, Amount: amount, Method: method);

    public DossierEvent Refunded(string dossier, string unit, string payment, string at) =>
        new(NextId(), EventType.PaymentRefunded, At(at), unit, dossier, Payment: payment);

    /// <summary>The same fact again under a new id, as a re-sending integrator would.</summary>
    public DossierEvent Again(DossierEvent e) => e with { Id = NextId() };

    private string NextId() => $"t-{++_next}";
}
