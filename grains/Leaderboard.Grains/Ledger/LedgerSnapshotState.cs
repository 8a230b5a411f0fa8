namespace Leaderboard.Grains.Ledger;

/// <summary>
/// A shard's snapshot in Orleans grain storage: the dossier states (the domain's compact binary form) and the last
/// journal sequence they include. Activation = this + the journal's entries after <see cref="Sequence"/>.
/// </summary>
[GenerateSerializer, Alias("lb.LedgerSnapshotState")]
public sealed class LedgerSnapshotState
{
    [Id(0)]
    public long Sequence { get; set; }

    [Id(1)]
    public byte[]? Ledger { get; set; }
}
