namespace Leaderboard.Benchmarks.Latency;

/// <summary>A board entry as the client keeps it: the unit and its online-dossier denominator (dossiers received).</summary>
public sealed record EntryMessage(string Unit, long ReceivedDossiers);
