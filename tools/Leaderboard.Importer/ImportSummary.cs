namespace Leaderboard.Importer;

/// <summary>What an import did: this run, and over all its runs (a resumed run adds to what the checkpoint recorded).</summary>
/// <param name="Rows">Data rows in the file.</param>
/// <param name="SkippedRows">Rows this run skipped because an earlier run's checkpoint covered them.</param>
/// <param name="Accepted">Events the server stored for the first time, over all runs.</param>
/// <param name="Duplicates">Events the server already held (an earlier run, or a batch retried after a lost answer), over all runs.</param>
/// <param name="RejectedRows">Rows with at least one part not imported, all listed in the report, over all runs.</param>
/// <param name="ReportPath">The report of rejected rows.</param>
/// <param name="ThisRun">The same three counts for this run alone (the rows it sent, not the check of the checkpoint).</param>
/// <param name="Check">The check of the checkpoint this run went on from; null when it started from the first row.</param>
public sealed record ImportSummary(
    int Rows, int SkippedRows, int Accepted, int Duplicates, int RejectedRows, string ReportPath, ImportCounts ThisRun, ImportCheck? Check = null)
{
    /// <summary>0 when every row went in, 1 when some rows were rejected.</summary>
    public int ExitCode => RejectedRows > 0 ? 1 : 0;
}
