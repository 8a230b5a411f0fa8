namespace Leaderboard.Domain.Counting;

/// <summary>
/// A dossier found by <see cref="DossierLedger.Find"/>: its owner then, and its place in the ledger, so that applying
/// an event to it needs no second look-up. The default is a dossier the ledger did not know.
/// </summary>
public readonly struct DossierHandle
{
    internal DossierHandle(int number, string? owner)
    {
        Number = number + 1;
        Owner = owner;
    }

    /// <summary>The unit the dossier counted for when it was found, or null (unknown, voided, or neither receipt nor payment).</summary>
    public string? Owner { get; }

    /// <summary>The dossier's number in its ledger + 1; 0 when it was not known.</summary>
    internal int Number { get; }
}
