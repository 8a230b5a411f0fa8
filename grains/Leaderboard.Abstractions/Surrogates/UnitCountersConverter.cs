using Leaderboard.Domain.Counting;

namespace Leaderboard.Abstractions.Surrogates;

[RegisterConverter]
public sealed class UnitCountersConverter : IConverter<UnitCounters, UnitCountersSurrogate>
{
    public UnitCounters ConvertFromSurrogate(in UnitCountersSurrogate s)
    {
        var entries = new CounterEntry[s.Kinds.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = new CounterEntry(s.Kinds[i], s.Days[i], s.Procedures[i], s.Numerators[i], s.Denominators[i]);
        }

        return UnitCounters.Import(entries);
    }

    public UnitCountersSurrogate ConvertToSurrogate(in UnitCounters value)
    {
        var entries = value.Export();
        var s = new UnitCountersSurrogate
        {
            Kinds = new CounterKind[entries.Count],
            Days = new int[entries.Count],
            Procedures = new string?[entries.Count],
            Numerators = new int[entries.Count],
            Denominators = new int[entries.Count],
        };
        for (var i = 0; i < entries.Count; i++)
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
}
