using Leaderboard.Domain.Counting;

namespace Leaderboard.Domain.Tests.Counting;

public sealed class CounterDeltaTests
{
    [Fact]
    public void Coalescing_sorts_sums_the_same_counter_and_day_and_drops_what_cancelled()
    {
        var delta = CounterDelta.Of(
        [
            new(CounterKind.OnlineReceipt, 20, "P2", 1, 0),
            new(CounterKind.OnTime, 12, null, 1, 1),
            new(CounterKind.OnlineDossier, 11, null, 1, 1),
            new(CounterKind.OnlineReceipt, 20, "P1", 1, 0),
            new(CounterKind.OnlineDossier, 10, null, 0, 1),
            new(CounterKind.OnlineDossier, 11, null, -1, -1),
            new(CounterKind.OnlineReceipt, 20, "P2", 2, 0),
            new(CounterKind.OnlineDossier, 10, null, 1, 0),
        ]);

        delta.Coalesce();

        CounterEntry[] expected =
        [
            new(CounterKind.OnlineDossier, 10, null, 1, 1),
            new(CounterKind.OnTime, 12, null, 1, 1),
            new(CounterKind.OnlineReceipt, 20, "P1", 1, 0),
            new(CounterKind.OnlineReceipt, 20, "P2", 3, 0),
        ];
        Assert.Equal(expected, delta.Entries.ToArray());
        Assert.Equal(expected, delta.Export());
    }

    [Fact]
    public void It_tells_whether_it_counts_for_a_day_before_a_given_one()
    {
        var today = new DateOnly(2024, 7, 10);
        var delta = CounterDelta.Of(
        [
            new(CounterKind.OnlinePayment, today.DayNumber, null, 1, 1),
            new(CounterKind.OnTime, today.DayNumber + 1, null, 1, 1),
        ]);

        Assert.False(delta.TouchesBefore(today));
        delta.Append(CounterDelta.Of([new(CounterKind.OnlinePayment, today.DayNumber - 1, null, 1, 1)]));
        Assert.True(delta.TouchesBefore(today));
        Assert.False(new CounterDelta().TouchesBefore(today));
    }

    [Fact]
    public void A_delta_whose_entries_all_cancel_is_empty_once_coalesced()
    {
        var delta = CounterDelta.Of([new(CounterKind.OnlinePayment, 5, null, 1, 1)]);
        delta.Append(CounterDelta.Of([new(CounterKind.OnlinePayment, 5, null, -1, -1)]));
        Assert.False(delta.IsEmpty);

        delta.Coalesce();

        Assert.True(delta.IsEmpty);
    }

    [Fact]
    public void Added_to_counters_it_changes_them_like_its_entries()
    {
        var counters = new UnitCounters();
        counters.Add(new CounterEntry(CounterKind.OnlineDossier, 10, null, 2, 3));

        CounterDelta.Of([new(CounterKind.OnlineDossier, 10, null, -1, -1), new(CounterKind.OnlineReceipt, 10, "P1", 1, 0)]).AddTo(counters);

        Assert.Equal(
            [new(CounterKind.OnlineDossier, 10, null, 1, 2), new(CounterKind.OnlineReceipt, 10, "P1", 1, 0)],
            counters.Export());
    }

    [Fact]
    public void A_long_run_of_entries_for_few_days_stays_small_and_sums_right()
    {
        var source = CounterDelta.Of([new(CounterKind.OnlineDossier, 0, null, 1, 1), new(CounterKind.OnlineDossier, 1, null, 0, 1)]);
        var delta = new CounterDelta();
        for (var i = 0; i < 100_000; i++)
        {
            delta.Append(source);
        }

        Assert.True(delta.Entries.Length < 10_000);
        delta.Coalesce();
        Assert.Equal([new(CounterKind.OnlineDossier, 0, null, 100_000, 100_000), new(CounterKind.OnlineDossier, 1, null, 0, 100_000)], delta.Entries.ToArray());
    }
}
