using Leaderboard.Domain.Events;

namespace Leaderboard.Abstractions.Surrogates;

/// <summary>Carries the domain's <see cref="DossierEvent"/> between grains without putting Orleans types in the domain.</summary>
[GenerateSerializer, Immutable, Alias("lb.DossierEvent")]
public struct DossierEventSurrogate
{
    [Id(0)] public string Id;
    [Id(1)] public EventType Type;
    [Id(2)] public DateTimeOffset OccurredAt;
    [Id(3)] public string Unit;
    [Id(4)] public string Dossier;
    [Id(5)] public string? Procedure;
    [Id(6)] public Channel? Channel;
    [Id(7)] public DateOnly? DueDate;
    [Id(8)] public string? Payment;
    [Id(9)] public long? Amount;
    [Id(10)] public PaymentMethod? Method;
    [Id(11)] public string? Reason;
}
