namespace Leaderboard.Domain.Counting;

/// <summary>
/// Sparse signed per-day counters of one unit's subtree (its totals), or a delta to add to them.
/// Not thread-safe: owned by one grain or one ledger.
/// </summary>
/// <remarks>
/// <see cref="Count"/> and <see cref="Cumulative"/> read totals: a procedure counts for usage when its online
/// receipts in the window sum to more than zero, which for totals means "at least one".
/// Series and the receipts are created on first write: a delta usually touches one day of one or two kinds,
/// and every flush hands out one per touched unit. Reads treat a missing series as an empty one.
/// </remarks>
public sealed class UnitCounters : ICounterSink
{
    private static readonly DaySeries NoDays = new();

    private DaySeries? _onlineDossier;
    private DaySeries? _onlinePayment;
    private DaySeries? _onTime;
    private ProcedureSeries? _receipts;

    public bool IsEmpty => IsNone(_onlineDossier) && IsNone(_onlinePayment) && IsNone(_onTime) && (_receipts is null || _receipts.Count == 0);

    private DaySeries OnlineDossier => _onlineDossier ?? NoDays;

    private DaySeries OnlinePayment => _onlinePayment ?? NoDays;

    private DaySeries OnTime => _onTime ?? NoDays;

    /// <summary>Adds <paramref name="sign"/> × <paramref name="other"/> to these counters.</summary>
    public void Add(UnitCounters other, int sign = 1)
    {
        if (ReferenceEquals(other, this))
        {
            other = other.Clone();
        }

        AddSeries(ref _onlineDossier, other._onlineDossier, sign);
        AddSeries(ref _onlinePayment, other._onlinePayment, sign);
        AddSeries(ref _onTime, other._onTime, sign);
        if (other._receipts is { Count: > 0 } receipts)
        {
            _receipts ??= new ProcedureSeries();
            for (var i = 0; i < receipts.Count; i++)
            {
                _receipts.Add(receipts.ProcedureAt(i), receipts.DaysAt(i), sign);
            }
        }
    }

    /// <summary>Adds <paramref name="sign"/> × one entry.</summary>
    public void Add(CounterEntry entry, int sign = 1)
    {
        if (entry.Kind == CounterKind.OnlineReceipt)
        {
            AddReceipts(entry.Procedure ?? throw new ArgumentException("an online receipt counter needs its procedure", nameof(entry)), entry.Day, sign * entry.Numerator);
        }
        else
        {
            AddDay(entry.Kind, entry.Day, sign * entry.Numerator, sign * entry.Denominator);
        }
    }

    public UnitCounters Clone()
    {
        var copy = new UnitCounters();
        copy.Add(this);
        return copy;
    }

    /// <summary>Every non-zero counter: kinds in order, then procedures in ordinal order, then days ascending.</summary>
    public IReadOnlyList<CounterEntry> Export()
    {
        var list = new List<CounterEntry>(OnlineDossier.Count + OnlinePayment.Count + OnTime.Count);
        ExportSeries(list, CounterKind.OnlineDossier, null, OnlineDossier);
        ExportSeries(list, CounterKind.OnlinePayment, null, OnlinePayment);
        ExportSeries(list, CounterKind.OnTime, null, OnTime);
        if (_receipts is { } receipts)
        {
            for (var i = 0; i < receipts.Count; i++)
            {
                ExportSeries(list, CounterKind.OnlineReceipt, receipts.ProcedureAt(i), receipts.DaysAt(i));
            }
        }

        return list;
    }

    public static UnitCounters Import(IEnumerable<CounterEntry> entries)
    {
        var counters = new UnitCounters();
        foreach (var entry in entries)
        {
            counters.Add(entry);
        }

        return counters;
    }

    /// <summary>The indicators' counts over [<paramref name="from"/>, <paramref name="toInclusive"/>].</summary>
    /// <param name="onlineProcedures">The online-service-usage denominator: full/partial procedures assigned to the subtree.</param>
    public WindowCounts Count(DateOnly from, DateOnly toInclusive, IReadOnlySet<string> onlineProcedures)
    {
        var f = from.DayNumber;
        var t = toInclusive.DayNumber;
        var used = 0;
        if (f <= t && _receipts is { } receipts)
        {
            // Walk whichever side is smaller: a small office has few receipts, the province root many procedures.
            if (receipts.Count <= onlineProcedures.Count)
            {
                for (var i = 0; i < receipts.Count; i++)
                {
                    if (onlineProcedures.Contains(receipts.ProcedureAt(i)) && receipts.DaysAt(i).Sum(f, t).Numerator > 0)
                    {
                        used++;
                    }
                }
            }
            else
            {
                foreach (var procedure in onlineProcedures)
                {
                    if (receipts.Find(procedure) is { } series && series.Sum(f, t).Numerator > 0)
                    {
                        used++;
                    }
                }
            }
        }

        return new WindowCounts(
            new IndicatorCounts(used, onlineProcedures.Count),
            OnlinePayment.Sum(f, t),
            OnlineDossier.Sum(f, t),
            OnTime.Sum(f, t));
    }

    /// <summary>One point per day of [<paramref name="from"/>, <paramref name="toInclusive"/>], each counting from <paramref name="from"/> to that day.</summary>
    public IReadOnlyList<TrendPoint> Cumulative(DateOnly from, DateOnly toInclusive, IReadOnlySet<string> onlineProcedures)
    {
        var f = from.DayNumber;
        var t = toInclusive.DayNumber;
        if (t < f)
        {
            return [];
        }

        var length = t - f + 1;
        var dossier = Increments(OnlineDossier, f, t, length);
        var payment = Increments(OnlinePayment, f, t, length);
        var onTime = Increments(OnTime, f, t, length);
        var firstUse = new int[length];
        foreach (var procedure in onlineProcedures)
        {
            if (_receipts?.Find(procedure) is not { } series)
            {
                continue;
            }

            var running = 0;
            for (var i = series.LowerBound(f); i < series.Count && series.DayAt(i) <= t; i++)
            {
                running += series.NumeratorAt(i);
                if (running > 0)
                {
                    firstUse[series.DayAt(i) - f]++;
                    break;
                }
            }
        }

        var points = new TrendPoint[length];
        IndicatorCounts d = default, p = default, o = default;
        long used = 0;
        for (var i = 0; i < length; i++)
        {
            d = new IndicatorCounts(d.Numerator + dossier[2 * i], d.Denominator + dossier[(2 * i) + 1]);
            p = new IndicatorCounts(p.Numerator + payment[2 * i], p.Denominator + payment[(2 * i) + 1]);
            o = new IndicatorCounts(o.Numerator + onTime[2 * i], o.Denominator + onTime[(2 * i) + 1]);
            used += firstUse[i];
            points[i] = new TrendPoint(DateOnly.FromDayNumber(f + i), new WindowCounts(new IndicatorCounts(used, onlineProcedures.Count), p, d, o));
        }

        return points;
    }

    /// <summary>True when some counted payment falls in [<paramref name="from"/>, <paramref name="toInclusive"/>].</summary>
    public bool HasAnyPayment(DateOnly from, DateOnly toInclusive) =>
        OnlinePayment.Sum(from.DayNumber, toInclusive.DayNumber).Denominator != 0;

    void ICounterSink.AddDay(CounterKind kind, int day, int numerator, int denominator) => AddDay(kind, day, numerator, denominator);

    void ICounterSink.AddReceipts(string procedure, int day, int count) => AddReceipts(procedure, day, count);

    internal void AddDay(CounterKind kind, int day, int numerator, int denominator)
    {
        switch (kind)
        {
            case CounterKind.OnlineDossier:
                AddDay(ref _onlineDossier, day, numerator, denominator);
                break;
            case CounterKind.OnlinePayment:
                AddDay(ref _onlinePayment, day, numerator, denominator);
                break;
            case CounterKind.OnTime:
                AddDay(ref _onTime, day, numerator, denominator);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a per-dossier counter");
        }
    }

    internal void AddReceipts(string procedure, int day, int count)
    {
        if (count == 0)
        {
            return;
        }

        (_receipts ??= new ProcedureSeries()).Add(procedure, day, count);
    }

    private static bool IsNone(DaySeries? series) => series is null || series.IsEmpty;

    private static void AddDay(ref DaySeries? series, int day, int numerator, int denominator)
    {
        if (numerator != 0 || denominator != 0)
        {
            (series ??= new DaySeries()).Add(day, numerator, denominator);
        }
    }

    private static void AddSeries(ref DaySeries? series, DaySeries? other, int sign)
    {
        if (other is { IsEmpty: false })
        {
            (series ??= new DaySeries()).Add(other, sign);
        }
    }

    private static long[] Increments(DaySeries series, int f, int t, int length)
    {
        var result = new long[2 * length];
        for (var i = series.LowerBound(f); i < series.Count && series.DayAt(i) <= t; i++)
        {
            var at = 2 * (series.DayAt(i) - f);
            result[at] += series.NumeratorAt(i);
            result[at + 1] += series.DenominatorAt(i);
        }

        return result;
    }

    private static void ExportSeries(List<CounterEntry> list, CounterKind kind, string? procedure, DaySeries series)
    {
        for (var i = 0; i < series.Count; i++)
        {
            list.Add(new CounterEntry(kind, series.DayAt(i), procedure, series.NumeratorAt(i), series.DenominatorAt(i)));
        }
    }
}
