namespace Leaderboard.Benchmarks.Streams;

/// <summary>One event as it goes over the wire: its NDJSON line (UTF-8, no newline) and the fields the COPY baseline stores.</summary>
public sealed record StreamEvent(string Id, string Unit, string Dossier, DateTimeOffset OccurredAt, byte[] Line);
