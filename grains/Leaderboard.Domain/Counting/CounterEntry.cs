namespace Leaderboard.Domain.Counting;

/// <summary>
/// One signed per-day counter. <see cref="Day"/> is a <see cref="DateOnly.DayNumber"/> in the catalogue's time zone.
/// <see cref="Procedure"/> is set only for <see cref="CounterKind.OnlineReceipt"/>, whose
/// <see cref="Numerator"/> is the number of online receipts of that procedure and whose denominator is 0.
/// </summary>
public readonly record struct CounterEntry(CounterKind Kind, int Day, string? Procedure, int Numerator, int Denominator);
