namespace Leaderboard.Web.Ingestion;

/// <summary>Running totals of a request that may arrive in several batches (NDJSON).</summary>
public sealed class BatchTally
{
    public int Accepted { get; set; }

    public int Duplicates { get; set; }

    public List<Rejection> Rejected { get; } = [];

    public void Add(BatchTally other)
    {
        Accepted += other.Accepted;
        Duplicates += other.Duplicates;
        Rejected.AddRange(other.Rejected);
    }

    public IngestionResult ToResult() =>
        new(Accepted, Duplicates, [.. Rejected.OrderBy(r => r.Index)]);
}
