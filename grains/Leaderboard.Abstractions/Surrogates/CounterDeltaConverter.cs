using Leaderboard.Domain.Counting;

namespace Leaderboard.Abstractions.Surrogates;

/// <summary>A shard's delta crosses silos in the same parallel arrays as a unit's counters.</summary>
[RegisterConverter]
public sealed class CounterDeltaConverter : IConverter<CounterDelta, UnitCountersSurrogate>
{
    public CounterDelta ConvertFromSurrogate(in UnitCountersSurrogate surrogate) => CounterDelta.Of(surrogate.ToEntries());

    public UnitCountersSurrogate ConvertToSurrogate(in CounterDelta value) => UnitCountersSurrogate.From(value.Entries);
}
