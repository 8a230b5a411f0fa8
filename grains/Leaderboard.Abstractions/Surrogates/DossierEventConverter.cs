using Leaderboard.Domain.Events;

namespace Leaderboard.Abstractions.Surrogates;

[RegisterConverter]
public sealed class DossierEventConverter : IConverter<DossierEvent, DossierEventSurrogate>
{
    public DossierEvent ConvertFromSurrogate(in DossierEventSurrogate s) =>
        new(s.Id, s.Type, s.OccurredAt, s.Unit, s.Dossier, s.Procedure, s.Channel, s.DueDate, s.Payment, s.Amount, s.Method, s.Reason);

    public DossierEventSurrogate ConvertToSurrogate(in DossierEvent v) => new()
    {
        Id = v.Id,
        Type = v.Type,
        OccurredAt = v.OccurredAt,
        Unit = v.Unit,
        Dossier = v.Dossier,
        Procedure = v.Procedure,
        Channel = v.Channel,
        DueDate = v.DueDate,
        Payment = v.Payment,
        Amount = v.Amount,
        Method = v.Method,
        Reason = v.Reason,
    };
}
