namespace Leaderboard.Domain.Counting;

/// <summary>
/// A dossier's state found by <see cref="DossierLedger.Find"/>, to be applied to without a second look-up; empty for
/// a dossier the ledger did not know then.
/// </summary>
public readonly struct DossierHandle
{
    internal DossierHandle(DossierState? state) => State = state;

    /// <summary>The unit the dossier counts for now, or null (unknown, voided, or neither receipt nor payment).</summary>
    public string? Owner => State?.Owner;

    internal DossierState? State { get; }
}
