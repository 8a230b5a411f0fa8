namespace Leaderboard.Domain.Counting;

/// <summary>
/// What a <see cref="DossierLedger"/> keeps for one unit it counts for: the unit's totals, its delta since the last
/// take, and the unit's chain (itself, then its ancestors up to the root), resolved once so that spreading a change
/// costs one look-up by code per event rather than one per unit of the chain and per target.
/// </summary>
internal sealed class LedgerUnit(string code)
{
    public string Code { get; } = code;

    public UnitCounters Totals { get; } = new();

    /// <summary>Null until something is spread here after the last take.</summary>
    public UnitCounters? Pending { get; set; }

    /// <summary>Null until the unit first owns a dossier.</summary>
    public LedgerUnit[]? Chain { get; set; }
}
