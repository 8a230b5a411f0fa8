namespace Leaderboard.Grains.Dispatch;

/// <summary>
/// Everything a <see cref="RoundDispatcher{TKey, TItem, TBatch}"/> knows of one key, kept for the dispatcher's life
/// (keys are units or boards): its batch, whether its call is in flight, and when it was last sent.
/// </summary>
internal sealed class DispatchSlot<TKey, TBatch>(TKey key)
    where TBatch : class
{
    public TKey Key => key;

    /// <summary>What waits for the key's next call; null when nothing does.</summary>
    public TBatch? Batch { get; set; }

    /// <summary>A call to the key has not returned yet.</summary>
    public bool InFlight { get; set; }

    /// <summary>In the next round's list or in the held queue.</summary>
    public bool Queued { get; set; }

    /// <summary>When the key's previous call was sent; null before the first.</summary>
    public long? LastSent { get; set; }
}
