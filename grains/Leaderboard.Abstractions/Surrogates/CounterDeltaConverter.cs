using Leaderboard.Domain.Counting;

namespace Leaderboard.Abstractions.Surrogates;

[RegisterConverter]
public sealed class CounterDeltaConverter : IConverter<CounterDelta, CounterDeltaSurrogate>
{
    public CounterDelta ConvertFromSurrogate(in CounterDeltaSurrogate s)
    {
        var entries = new CounterEntry[s.Kinds.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = new CounterEntry(s.Kinds[i], s.Days[i], s.Procedures[i], s.Numerators[i], s.Denominators[i]);
        }

        return CounterDelta.Of(entries);
    }

    public CounterDeltaSurrogate ConvertToSurrogate(in CounterDelta value)
    {
        var entries = value.Entries;
        var s = new CounterDeltaSurrogate
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
}
