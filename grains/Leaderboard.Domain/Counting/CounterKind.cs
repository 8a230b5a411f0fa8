namespace Leaderboard.Domain.Counting;

/// <summary>What a per-day counter counts. Stored as a byte in snapshots and deltas: never renumber.</summary>
public enum CounterKind : byte
{
    /// <summary>Receipts: denominator = dossiers received that day, numerator = those received online.</summary>
    OnlineDossier = 0,

    /// <summary>Dossiers whose earliest counted payment fell that day; numerator = those paid online.</summary>
    OnlinePayment = 1,

    /// <summary>Dossiers finished that day that have a due date; numerator = those finished on time.</summary>
    OnTime = 2,

    /// <summary>Online receipts of one procedure that day (numerator only), for online-service-usage.</summary>
    OnlineReceipt = 3,
}
