namespace Leaderboard.Importer;

/// <summary>
/// A re-run's check of the checkpoint it went on from: the last batch the server had acknowledged, sent again before
/// anything was skipped, and what the server answered. Its events are not in the summary's counts: they were counted
/// when they were first sent.
/// </summary>
/// <param name="FirstRow">The batch's first spreadsheet row (1 is the header).</param>
/// <param name="LastRow">Its last row: the last row the checkpoint covers.</param>
/// <param name="SavedAt">When the server acknowledged that batch; null for a checkpoint saved before that was recorded.</param>
/// <param name="Duplicates">Events of the batch the server answered as already held (none were new, or the import started over).</param>
/// <param name="Rejected">Events of the batch the server refused.</param>
public sealed record ImportCheck(int FirstRow, int LastRow, DateTimeOffset? SavedAt, int Duplicates, int Rejected);
