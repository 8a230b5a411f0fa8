namespace Leaderboard.Grains.Storage;

/// <summary>How the PostgreSQL journal writes (section <c>Leaderboard:Journal</c>).</summary>
public sealed class JournalOptions
{
    public const string Section = "Leaderboard:Journal";

    /// <summary>
    /// Groups written at the same time (default 2): while one waits for its commit to reach the disk, the next is
    /// being sent. 1 writes one group after the other.
    /// </summary>
    public int Writers { get; set; } = PostgresEventJournal.DefaultWriters;
}
