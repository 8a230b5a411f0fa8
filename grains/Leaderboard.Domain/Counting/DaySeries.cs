namespace Leaderboard.Domain.Counting;

/// <summary>
/// Sparse signed (numerator, denominator) pairs keyed by day, kept in day order in parallel arrays so that
/// a window is two binary searches and a short contiguous scan. Zero pairs are removed.
/// </summary>
internal sealed class DaySeries
{
    private int[] _days = [];
    private int[] _numerators = [];
    private int[] _denominators = [];
    private int _count;

    public int Count => _count;

    public bool IsEmpty => _count == 0;

    public int DayAt(int index) => _days[index];

    public int NumeratorAt(int index) => _numerators[index];

    public int DenominatorAt(int index) => _denominators[index];

    public void Add(int day, int numerator, int denominator)
    {
        if (numerator == 0 && denominator == 0)
        {
            return;
        }

        var i = LowerBound(day);
        if (i < _count && _days[i] == day)
        {
            var n = _numerators[i] + numerator;
            var d = _denominators[i] + denominator;
            if (n == 0 && d == 0)
            {
                RemoveAt(i);
            }
            else
            {
                _numerators[i] = n;
                _denominators[i] = d;
            }

            return;
        }

        InsertAt(i, day, numerator, denominator);
    }

    public void Add(DaySeries other, int sign)
    {
        for (var i = 0; i < other._count; i++)
        {
            Add(other._days[i], sign * other._numerators[i], sign * other._denominators[i]);
        }
    }

    public IndicatorCounts Sum(int fromDay, int toDay)
    {
        long n = 0;
        long d = 0;
        for (var i = LowerBound(fromDay); i < _count && _days[i] <= toDay; i++)
        {
            n += _numerators[i];
            d += _denominators[i];
        }

        return new IndicatorCounts(n, d);
    }

    /// <summary>Index of the first entry whose day is at least <paramref name="day"/> (or <see cref="Count"/>).</summary>
    public int LowerBound(int day)
    {
        // Live traffic lands on the latest day: answer the append case without searching.
        if (_count == 0 || _days[_count - 1] < day)
        {
            return _count;
        }

        var lo = 0;
        var hi = _count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_days[mid] < day)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    public DaySeries Clone()
    {
        var copy = new DaySeries
        {
            _days = _days[.._count],
            _numerators = _numerators[.._count],
            _denominators = _denominators[.._count],
            _count = _count,
        };
        return copy;
    }

    private void InsertAt(int index, int day, int numerator, int denominator)
    {
        if (_count == _days.Length)
        {
            var capacity = _count == 0 ? 4 : _count * 2;
            Array.Resize(ref _days, capacity);
            Array.Resize(ref _numerators, capacity);
            Array.Resize(ref _denominators, capacity);
        }

        if (index < _count)
        {
            Array.Copy(_days, index, _days, index + 1, _count - index);
            Array.Copy(_numerators, index, _numerators, index + 1, _count - index);
            Array.Copy(_denominators, index, _denominators, index + 1, _count - index);
        }

        _days[index] = day;
        _numerators[index] = numerator;
        _denominators[index] = denominator;
        _count++;
    }

    private void RemoveAt(int index)
    {
        _count--;
        if (index < _count)
        {
            Array.Copy(_days, index + 1, _days, index, _count - index);
            Array.Copy(_numerators, index + 1, _numerators, index, _count - index);
            Array.Copy(_denominators, index + 1, _denominators, index, _count - index);
        }
    }
}
