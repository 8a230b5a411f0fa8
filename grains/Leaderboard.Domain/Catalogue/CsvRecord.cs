namespace Leaderboard.Domain.Catalogue;

/// <summary>One CSV record: the line it starts on (1-based) and its fields in the order the caller asked for.</summary>
internal sealed record CsvRecord(int Line, string[] Fields);
