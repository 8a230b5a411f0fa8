namespace Leaderboard.Domain.Counting;

/// <summary>
/// What a <see cref="DossierLedger"/> keeps for one unit it counts for: what the dossiers it owns add to it, its
/// delta since the last take, and the unit's chain (itself, then its ancestors up to the root), resolved once so
/// that spreading a change costs one look-up by code per event rather than one per unit of the chain and per target.
/// </summary>
internal sealed class LedgerUnit(string code, int slot)
{
    public string Code { get; } = code;

    /// <summary>The unit's number in its ledger (see <see cref="DossierLedger.SlotOf"/>).</summary>
    public int Slot { get; } = slot;

    /// <summary>Whether the unit is in some owner's chain (an owner or an ancestor of one), not only met in an event.</summary>
    public bool IsCounted { get; set; }

    /// <summary>
    /// What the dossiers this unit owns add to it; not rolled up (a unit's subtree is the sum over the owners in it),
    /// so a pure ancestor keeps this empty. Null while the ledger keeps no totals, or before the unit owns anything.
    /// </summary>
    public UnitCounters? OwnTotals { get; set; }

    /// <summary>Null until something is spread here after the last take; rolled up (this unit's subtree).</summary>
    public CounterDelta? Pending { get; set; }

    /// <summary>How many entries the last taken delta gathered: the next one starts with room for as many.</summary>
    public int PendingHint { get; set; }

    /// <summary>Null until the unit first owns a dossier.</summary>
    public LedgerUnit[]? Chain { get; set; }
}
