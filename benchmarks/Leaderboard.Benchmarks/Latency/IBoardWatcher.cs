namespace Leaderboard.Benchmarks.Latency;

/// <summary>
/// A SignalR client subscribed to one board, as the latency benchmark measures it: when the board's marker unit first
/// showed each received-dossier count, how many pushes arrived, how many versions were skipped, and whether the
/// connection closed under it.
/// </summary>
public interface IBoardWatcher : IAsyncDisposable
{
    string Board { get; }

    /// <summary>What kind of client this is, for the report ("raw" or "HubConnection").</summary>
    string Kind { get; }

    long Pushes { get; }

    long Gaps { get; }

    bool Closed { get; }

    /// <summary>The highest board version this client has seen.</summary>
    long Version { get; }

    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>The first moment this client saw the marker unit's count at <paramref name="count"/> or more, or null.</summary>
    long? FirstSeen(long count);
}
