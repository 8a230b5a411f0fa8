using System.Runtime.InteropServices;

namespace Leaderboard.Domain.Events;

/// <summary>
/// Puts a batch's events into rounds for ledger shards that are called at once. Two events of one batch that share
/// an id but not a shard (the id re-used for another dossier) would otherwise be decided in whichever order their
/// shards reach the journal, while events.md says the first stands. So such a repeat waits for a round after every
/// earlier occurrence of its id in another shard, and each shard's events keep their batch order across rounds (a
/// dossier's ties go to the last to arrive). A batch without such repeats is one round, as before.
/// </summary>
public static class ShardRounds
{
    /// <summary>
    /// Fills <paramref name="rounds"/> with the round of each event (0 first) and returns how many rounds there are.
    /// An event with a null id is not sent anywhere (it was rejected before): its round is -1.
    /// </summary>
    /// <param name="ids">The events' ids, in batch order.</param>
    /// <param name="shards">The shard of each event (0 ≤ shard &lt; <paramref name="shardCount"/>).</param>
    /// <param name="shardCount">How many shards there are.</param>
    /// <param name="rounds">Receives the rounds; as long as <paramref name="ids"/>.</param>
    public static int Assign(ReadOnlySpan<string?> ids, ReadOnlySpan<int> shards, int shardCount, Span<int> rounds)
    {
        if (shards.Length != ids.Length || rounds.Length != ids.Length)
        {
            throw new ArgumentException("ids, shards and rounds must be as long as each other");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(shardCount);
        Span<int> shardRound = shardCount <= 256 ? stackalloc int[shardCount] : new int[shardCount];
        shardRound.Clear();

        // The latest round an id was sent in, and to which shard: rounds only grow along an id's occurrences, and an
        // occurrence in another shard always lands above, so the latest one is the only one a new occurrence waits on.
        var seen = new Dictionary<string, (int Round, int Shard)>(ids.Length, StringComparer.Ordinal);
        var last = -1;
        for (var i = 0; i < ids.Length; i++)
        {
            if (ids[i] is not { } id)
            {
                rounds[i] = -1;
                continue;
            }

            var shard = shards[i];
            var round = shardRound[shard];
            ref var latest = ref CollectionsMarshal.GetValueRefOrAddDefault(seen, id, out var repeated);
            if (repeated && latest.Shard != shard)
            {
                round = Math.Max(round, latest.Round + 1);
            }

            latest = (round, shard);
            shardRound[shard] = round;
            rounds[i] = round;
            last = Math.Max(last, round);
        }

        return last + 1;
    }
}
