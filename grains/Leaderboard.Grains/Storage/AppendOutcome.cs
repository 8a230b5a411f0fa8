namespace Leaderboard.Grains.Storage;

/// <summary>What the journal did with one entry of an append.</summary>
public enum AppendOutcome
{
    /// <summary>New: now durable.</summary>
    Appended,

    /// <summary>The id was already journaled with the same content: acknowledged, counts nothing.</summary>
    Duplicate,

    /// <summary>The id was already journaled with other content: rejected, the first stands.</summary>
    Conflict,

    /// <summary>The shard's sequence number was taken: the caller is a stale activation and must not apply anything.</summary>
    SequenceTaken,
}
