namespace Leaderboard.Importer;

/// <summary>
/// Why (part of) a row was not imported: its spreadsheet row, the column (empty when none applies), the event field,
/// the reason, and which of the row's events it was when the row's other events went in (null: the whole row).
/// </summary>
public sealed record RowError(int Row, string Column, string Field, string Error, string? Part = null);
