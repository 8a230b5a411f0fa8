namespace Leaderboard.Domain.Events;

/// <summary>The fields the parser reads (events.md), as indexes into <see cref="EventFields"/>.</summary>
internal enum EventField
{
    Id,
    Type,
    OccurredAt,
    Unit,
    Dossier,
    Procedure,
    Channel,
    DueAt,
    Payment,
    Amount,
    Method,
    Reason,
}
