using Leaderboard.Domain.Counting;

namespace Leaderboard.Domain.Tests.Counting;

public sealed class DaySeriesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Every_window_sums_what_was_added_to_its_days_including_windows_that_hold_every_day(int seed)
    {
        // Signed adds that cancel out now and then (a day's pair becomes zero and leaves the series), in no day order.
        var random = new Random(seed);
        var series = new DaySeries();
        var expected = new Dictionary<int, (long N, long D)>();
        for (var i = 0; i < 2_000; i++)
        {
            var day = 100 + random.Next(40);
            var n = random.Next(-2, 3);
            var d = random.Next(-2, 3);
            series.Add(day, n, d);
            var (en, ed) = expected.GetValueOrDefault(day);
            expected[day] = (en + n, ed + d);

            var from = 95 + random.Next(50);
            var to = from + random.Next(-3, 50);
            var want = expected.Where(x => x.Key >= from && x.Key <= to).Aggregate((N: 0L, D: 0L), (s, x) => (s.N + x.Value.N, s.D + x.Value.D));
            Assert.Equal(new IndicatorCounts(want.N, want.D), series.Sum(from, to));
            Assert.Equal(
                new IndicatorCounts(expected.Values.Sum(x => x.N), expected.Values.Sum(x => x.D)),
                series.Sum(int.MinValue, int.MaxValue));
        }

        Assert.Equal(expected.Count(x => x.Value != (0, 0)), series.Count);
    }
}
