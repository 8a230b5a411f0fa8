namespace Leaderboard.Importer;

/// <summary>Why (part of) a row was not imported: its spreadsheet row, the column (empty when none applies), the event field and the reason.</summary>
public sealed record RowError(int Row, string Column, string Field, string Error);
