namespace Leaderboard.Importer;

/// <summary>A batch the server acknowledged and the checkpoint saved after it.</summary>
/// <param name="Batch">1 for the first batch of this run.</param>
/// <param name="Row">The last row the checkpoint covers.</param>
public sealed record ImportCheckpoint(int Batch, int Row);
