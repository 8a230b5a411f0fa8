namespace Leaderboard.Domain.Counting;

/// <summary>Where a dossier's contribution is added: a unit's running totals or a delta on its way to the unit.</summary>
internal interface ICounterSink
{
    void AddDay(CounterKind kind, int day, int numerator, int denominator);

    void AddReceipts(string procedure, int day, int count);
}
