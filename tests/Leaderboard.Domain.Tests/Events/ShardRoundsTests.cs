using Leaderboard.Domain.Events;

namespace Leaderboard.Domain.Tests.Events;

public sealed class ShardRoundsTests
{
    private static (int Count, int[] Rounds) Assign(string?[] ids, int[] shards, int shardCount = 64)
    {
        var rounds = new int[ids.Length];
        var count = ShardRounds.Assign(ids, shards, shardCount, rounds);
        return (count, rounds);
    }

    [Fact]
    public void A_batch_of_distinct_ids_is_one_round()
    {
        var (count, rounds) = Assign(["a", "b", "c", "d"], [3, 7, 3, 0]);

        Assert.Equal(1, count);
        Assert.Equal([0, 0, 0, 0], rounds);
    }

    [Fact]
    public void A_repeat_in_the_same_shard_stays_in_the_round_as_the_shard_keeps_batch_order()
    {
        // A re-send of the same event (same dossier, so same shard) is decided by the shard against the first.
        var (count, rounds) = Assign(["a", "b", "a"], [5, 1, 5]);

        Assert.Equal(1, count);
        Assert.Equal([0, 0, 0], rounds);
    }

    [Fact]
    public void An_id_re_used_in_other_shards_waits_for_each_earlier_occurrence()
    {
        var (count, rounds) = Assign(["x", "x", "x", "x"], [1, 2, 3, 1]);

        Assert.Equal(4, count);
        Assert.Equal([0, 1, 2, 3], rounds);
    }

    [Fact]
    public void A_shard_keeps_its_batch_order_behind_a_deferred_event()
    {
        // "x" in shard 2 waits for shard 1; "y" comes after it in shard 2, so it may not be decided before it.
        var (count, rounds) = Assign(["x", "x", "y", "z"], [1, 2, 2, 3]);

        Assert.Equal(2, count);
        Assert.Equal([0, 1, 1, 0], rounds);
    }

    [Fact]
    public void An_occurrence_after_a_deferred_one_in_another_shard_goes_after_it()
    {
        var (count, rounds) = Assign(["x", "w", "x", "x"], [1, 2, 2, 1]);

        Assert.Equal(3, count);
        Assert.Equal([0, 0, 1, 2], rounds);
    }

    [Fact]
    public void Events_without_an_id_are_not_sent()
    {
        var (count, rounds) = Assign([null, "a", null], [0, 4, 0]);

        Assert.Equal(1, count);
        Assert.Equal([-1, 0, -1], rounds);
    }

    [Fact]
    public void Nothing_to_send_is_no_round()
    {
        var (count, _) = Assign([null], [0]);

        Assert.Equal(0, count);
    }

    [Fact]
    public void More_shards_than_fit_on_the_stack_are_counted_too()
    {
        var (count, rounds) = Assign(["x", "x"], [300, 999], shardCount: 1000);

        Assert.Equal(2, count);
        Assert.Equal([0, 1], rounds);
    }

    [Fact]
    public void Lengths_must_agree() =>
        Assert.Throws<ArgumentException>(() => ShardRounds.Assign(["a"], [0, 1], 64, new int[1]));
}
