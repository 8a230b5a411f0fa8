using Leaderboard.Domain.Counting;

namespace Leaderboard.Domain.Tests.Counting;

public sealed class UnitCountersTests
{
    private static readonly DateOnly June1 = new(2024, 6, 1);
    private static readonly HashSet<string> TwoProcedures = new(StringComparer.Ordinal) { "9.000101", "9.000102" };

    private static int D(int dayOfJune) => new DateOnly(2024, 6, dayOfJune).DayNumber;

    private static UnitCounters Sample() => UnitCounters.Import(
    [
        new(CounterKind.OnlineDossier, D(5), null, 1, 2),
        new(CounterKind.OnlineDossier, D(6), null, 3, 4),
        new(CounterKind.OnlineDossier, D(10), null, 0, 1),
        new(CounterKind.OnlinePayment, D(6), null, 1, 1),
        new(CounterKind.OnTime, D(10), null, 1, 2),
        new(CounterKind.OnlineReceipt, D(5), "9.000101", 1, 0),
        new(CounterKind.OnlineReceipt, D(7), "9.000102", 2, 0),
        new(CounterKind.OnlineReceipt, D(8), "9.000999", 1, 0),
    ]);

    [Fact]
    public void Count_sums_an_inclusive_window_per_kind()
    {
        var counts = Sample().Count(new DateOnly(2024, 6, 6), new DateOnly(2024, 6, 10), TwoProcedures);

        Assert.Equal(new IndicatorCounts(3, 5), counts.OnlineDossier);
        Assert.Equal(new IndicatorCounts(1, 1), counts.OnlinePayment);
        Assert.Equal(new IndicatorCounts(1, 2), counts.OnTime);
        // 9.000101 fell on the 5th (outside), 9.000102 on the 7th; 9.000999 is not in the denominator set.
        Assert.Equal(new IndicatorCounts(1, 2), counts.OnlineServiceUsage);
        Assert.Equal(counts.OnlineDossier, counts["online-dossier"]);
        Assert.Equal(counts.OnlineServiceUsage, counts.Get("online-service-usage"));
    }

    [Fact]
    public void Count_of_a_single_day_and_of_an_empty_window()
    {
        var c = Sample();

        Assert.Equal(new IndicatorCounts(1, 2), c.Count(new DateOnly(2024, 6, 5), new DateOnly(2024, 6, 5), TwoProcedures).OnlineDossier);
        Assert.Equal(new IndicatorCounts(1, 2), c.Count(new DateOnly(2024, 6, 5), new DateOnly(2024, 6, 5), TwoProcedures).OnlineServiceUsage);
        var none = c.Count(new DateOnly(2024, 6, 11), new DateOnly(2024, 6, 30), TwoProcedures);
        Assert.Equal(new WindowCounts(new(0, 2), new(0, 0), new(0, 0), new(0, 0)), none);
        var reversed = c.Count(new DateOnly(2024, 6, 10), new DateOnly(2024, 6, 5), TwoProcedures);
        Assert.Equal(new WindowCounts(new(0, 2), new(0, 0), new(0, 0), new(0, 0)), reversed);
    }

    [Fact]
    public void Usage_counts_each_procedure_once_however_many_receipts()
    {
        var c = UnitCounters.Import(
        [
            new(CounterKind.OnlineReceipt, D(5), "9.000101", 3, 0),
            new(CounterKind.OnlineReceipt, D(6), "9.000101", 1, 0),
        ]);

        Assert.Equal(new IndicatorCounts(1, 2), c.Count(June1, new DateOnly(2024, 6, 30), TwoProcedures).OnlineServiceUsage);
        // Walking the denominator set instead of the receipts (more receipts than procedures) gives the same.
        Assert.Equal(new IndicatorCounts(1, 1), c.Count(June1, new DateOnly(2024, 6, 30), new HashSet<string> { "9.000101" }).OnlineServiceUsage);
        Assert.Equal(new IndicatorCounts(0, 0), c.Count(June1, new DateOnly(2024, 6, 30), new HashSet<string>()).OnlineServiceUsage);
    }

    [Fact]
    public void Export_lists_non_zero_entries_in_a_fixed_order_and_import_round_trips()
    {
        var c = Sample();
        var exported = c.Export();

        Assert.Equal(8, exported.Count);
        Assert.Equal(new CounterEntry(CounterKind.OnlineDossier, D(5), null, 1, 2), exported[0]);
        Assert.Equal(new CounterEntry(CounterKind.OnlineReceipt, D(8), "9.000999", 1, 0), exported[^1]);
        Assert.Equal(exported, UnitCounters.Import(exported).Export());
    }

    [Fact]
    public void Adding_the_opposite_removes_entries_that_reach_zero()
    {
        var c = Sample();
        var delta = UnitCounters.Import(
        [
            new(CounterKind.OnlineDossier, D(5), null, -1, -2),
            new(CounterKind.OnlineReceipt, D(5), "9.000101", -1, 0),
            new(CounterKind.OnlineDossier, D(6), null, -3, -3),
        ]);

        c.Add(delta);

        var exported = c.Export();
        Assert.Equal(6, exported.Count);
        Assert.DoesNotContain(exported, e => e.Day == D(5));
        Assert.Contains(new CounterEntry(CounterKind.OnlineDossier, D(6), null, 0, 1), exported);

        c.Add(c, -1);
        Assert.True(c.IsEmpty);
        Assert.Empty(c.Export());
    }

    [Fact]
    public void Add_with_a_sign_and_out_of_order_days_keeps_days_sorted()
    {
        var c = new UnitCounters();
        c.Add(new CounterEntry(CounterKind.OnTime, D(20), null, 1, 1));
        c.Add(new CounterEntry(CounterKind.OnTime, D(3), null, 0, 1));
        c.Add(new CounterEntry(CounterKind.OnTime, D(11), null, 1, 1), sign: -1);

        Assert.Equal(
            [new(CounterKind.OnTime, D(3), null, 0, 1), new(CounterKind.OnTime, D(11), null, -1, -1), new(CounterKind.OnTime, D(20), null, 1, 1)],
            c.Export());
        Assert.Equal(new IndicatorCounts(0, 1), c.Count(June1, new DateOnly(2024, 6, 30), TwoProcedures).OnTime);
    }

    [Fact]
    public void Cumulative_gives_one_point_per_day_counted_from_the_start()
    {
        var trend = Sample().Cumulative(new DateOnly(2024, 6, 5), new DateOnly(2024, 6, 8), TwoProcedures);

        Assert.Equal(4, trend.Count);
        Assert.Equal(new TrendPoint(new DateOnly(2024, 6, 5), new WindowCounts(new(1, 2), new(0, 0), new(1, 2), new(0, 0))), trend[0]);
        Assert.Equal(new TrendPoint(new DateOnly(2024, 6, 6), new WindowCounts(new(1, 2), new(1, 1), new(4, 6), new(0, 0))), trend[1]);
        Assert.Equal(new TrendPoint(new DateOnly(2024, 6, 7), new WindowCounts(new(2, 2), new(1, 1), new(4, 6), new(0, 0))), trend[2]);
        Assert.Equal(new TrendPoint(new DateOnly(2024, 6, 8), new WindowCounts(new(2, 2), new(1, 1), new(4, 6), new(0, 0))), trend[3]);

        // Starting later drops what came before: 9.000101's only receipt was on the 5th.
        var later = Sample().Cumulative(new DateOnly(2024, 6, 6), new DateOnly(2024, 6, 10), TwoProcedures);
        Assert.Equal(new WindowCounts(new(1, 2), new(1, 1), new(3, 5), new(1, 2)), later[^1].Counts);
        Assert.Equal(Sample().Count(new DateOnly(2024, 6, 6), new DateOnly(2024, 6, 10), TwoProcedures), later[^1].Counts);
    }

    [Fact]
    public void HasAnyPayment_looks_only_inside_the_window()
    {
        var c = Sample();

        Assert.True(c.HasAnyPayment(new DateOnly(2024, 6, 6), new DateOnly(2024, 6, 6)));
        Assert.False(c.HasAnyPayment(new DateOnly(2024, 6, 7), new DateOnly(2024, 12, 31)));
    }

    [Fact]
    public void Receipts_export_in_ordinal_order_of_procedure_whatever_the_order_they_came_in()
    {
        var c = new UnitCounters();
        c.Add(new CounterEntry(CounterKind.OnlineReceipt, D(7), "9.000102", 1, 0));
        c.Add(new CounterEntry(CounterKind.OnlineReceipt, D(5), "9.000999", 1, 0));
        c.Add(new CounterEntry(CounterKind.OnlineReceipt, D(6), "9.000101", 2, 0));
        c.Add(new CounterEntry(CounterKind.OnlineReceipt, D(5), "10.000001", 1, 0));

        Assert.Equal(["10.000001", "9.000101", "9.000102", "9.000999"], c.Export().Select(e => e.Procedure));
    }

    [Fact]
    public void A_procedure_whose_receipts_cancel_out_is_gone_and_its_neighbours_stay()
    {
        var c = Sample();
        var d = new UnitCounters();
        d.Add(new CounterEntry(CounterKind.OnlineReceipt, D(7), "9.000102", -2, 0));

        c.Add(d);

        Assert.Equal(["9.000101", "9.000999"], c.Export().Where(e => e.Kind == CounterKind.OnlineReceipt).Select(e => e.Procedure));
        Assert.Equal(new IndicatorCounts(1, 2), c.Count(June1, new DateOnly(2024, 6, 30), TwoProcedures).OnlineServiceUsage);
        c.Add(d, -1);
        Assert.Equal(Sample().Export(), c.Export());
    }
}
