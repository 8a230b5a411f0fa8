namespace Leaderboard.Domain.Counting;

/// <summary>
/// A <see cref="DaySeries"/> per procedure code, kept in ordinal order of code. A delta usually holds one procedure
/// and totals a few dozen: a sorted array serves both at a fraction of a dictionary's size, and lists in export order.
/// Series that become empty are removed.
/// </summary>
internal sealed class ProcedureSeries
{
    private (string Procedure, DaySeries Days)[] _items = [];
    private int _count;

    public int Count => _count;

    public string ProcedureAt(int index) => _items[index].Procedure;

    public DaySeries DaysAt(int index) => _items[index].Days;

    public DaySeries? Find(string procedure)
    {
        var i = IndexOf(procedure);
        return i >= 0 ? _items[i].Days : null;
    }

    /// <summary>Adds <paramref name="count"/> to the procedure's day.</summary>
    public void Add(string procedure, int day, int count)
    {
        var i = SeriesOf(procedure);
        _items[i].Days.Add(day, count, 0);
        RemoveIfEmpty(i);
    }

    /// <summary>Adds <paramref name="sign"/> × <paramref name="days"/> to the procedure's series.</summary>
    public void Add(string procedure, DaySeries days, int sign)
    {
        var i = SeriesOf(procedure);
        _items[i].Days.Add(days, sign);
        RemoveIfEmpty(i);
    }

    /// <summary>The index of the procedure's series, inserted empty when missing.</summary>
    private int SeriesOf(string procedure)
    {
        var i = IndexOf(procedure);
        if (i >= 0)
        {
            return i;
        }

        i = ~i;
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _count == 0 ? 1 : _count * 2);
        }

        Array.Copy(_items, i, _items, i + 1, _count - i);
        _items[i] = (procedure, new DaySeries());
        _count++;
        return i;
    }

    private void RemoveIfEmpty(int index)
    {
        if (_items[index].Days.IsEmpty)
        {
            _count--;
            Array.Copy(_items, index + 1, _items, index, _count - index);
            _items[_count] = default;
        }
    }

    /// <summary>The procedure's index, or the bitwise complement of where it would go.</summary>
    private int IndexOf(string procedure)
    {
        var lo = 0;
        var hi = _count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var order = string.CompareOrdinal(_items[mid].Procedure, procedure);
            if (order == 0)
            {
                return mid;
            }

            if (order < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return ~lo;
    }
}
