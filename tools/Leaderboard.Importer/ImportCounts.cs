namespace Leaderboard.Importer;

/// <summary>Events stored for the first time, events the server already held, and rows with a part not imported.</summary>
public sealed record ImportCounts(int Accepted, int Duplicates, int RejectedRows);
