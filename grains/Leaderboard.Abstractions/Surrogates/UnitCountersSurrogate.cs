using Leaderboard.Domain.Counting;

namespace Leaderboard.Abstractions.Surrogates;

/// <summary>
/// Per-day counter entries as parallel arrays: the wire form of a unit's counters and of a shard's delta to a unit,
/// compact on the wire and in snapshots.
/// </summary>
[GenerateSerializer, Immutable, Alias("lb.UnitCounters")]
public struct UnitCountersSurrogate
{
    [Id(0)] public CounterKind[] Kinds;
    [Id(1)] public int[] Days;
    [Id(2)] public string?[] Procedures;
    [Id(3)] public int[] Numerators;
    [Id(4)] public int[] Denominators;

    public static UnitCountersSurrogate From(ReadOnlySpan<CounterEntry> entries)
    {
        var s = new UnitCountersSurrogate
        {
            Kinds = new CounterKind[entries.Length],
            Days = new int[entries.Length],
            Procedures = new string?[entries.Length],
            Numerators = new int[entries.Length],
            Denominators = new int[entries.Length],
        };
        for (var i = 0; i < entries.Length; i++)
        {
            var e = entries[i];
            s.Kinds[i] = e.Kind;
            s.Days[i] = e.Day;
            s.Procedures[i] = e.Procedure;
            s.Numerators[i] = e.Numerator;
            s.Denominators[i] = e.Denominator;
        }

        return s;
    }

    public readonly CounterEntry[] ToEntries()
    {
        var entries = new CounterEntry[Kinds.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = new CounterEntry(Kinds[i], Days[i], Procedures[i], Numerators[i], Denominators[i]);
        }

        return entries;
    }
}
