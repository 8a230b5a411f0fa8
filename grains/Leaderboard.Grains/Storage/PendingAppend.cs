namespace Leaderboard.Grains.Storage;

/// <summary>One caller's entries waiting for the next group commit.</summary>
internal sealed class PendingAppend
{
    private const int Waiting = 0;
    private const int Claimed = 1;
    private const int Cancelled = 2;

    private readonly TaskCompletionSource<IReadOnlyList<AppendOutcome>> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;

    public PendingAppend(IReadOnlyList<JournalEntry> entries)
    {
        Entries = entries;
    }

    public IReadOnlyList<JournalEntry> Entries { get; }

    public Task<IReadOnlyList<AppendOutcome>> Task => _completion.Task;

    /// <summary>
    /// The writer takes the entries into a group. From then on the caller's cancellation is ignored: the entries
    /// may become durable, and the caller must learn the outcome rather than guess.
    /// </summary>
    public bool TryClaim() => Interlocked.CompareExchange(ref _state, Claimed, Waiting) == Waiting;

    /// <summary>Withdraws the entries if no group has taken them yet.</summary>
    public void TryCancel(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, Cancelled, Waiting) == Waiting)
        {
            _completion.TrySetCanceled(cancellationToken);
        }
    }

    public void Complete(IReadOnlyList<AppendOutcome> outcomes) => _completion.TrySetResult(outcomes);

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
