namespace Leaderboard.Domain.Events;

/// <summary>
/// One validated event. Type-specific fields are null where the type does not define them.
/// <see cref="DueDate"/> is the <c>dueAt</c> already reduced to a date in the campaigns' time zone.
/// </summary>
public sealed record DossierEvent(
    string Id,
    EventType Type,
    DateTimeOffset OccurredAt,
    string Unit,
    string Dossier,
    string? Procedure = null,
    Channel? Channel = null,
    DateOnly? DueDate = null,
    string? Payment = null,
    long? Amount = null,
    PaymentMethod? Method = null,
    string? Reason = null);
