using Leaderboard.Domain.Counting;

namespace Leaderboard.Abstractions.Surrogates;

[RegisterConverter]
public sealed class UnitCountersConverter : IConverter<UnitCounters, UnitCountersSurrogate>
{
    public UnitCounters ConvertFromSurrogate(in UnitCountersSurrogate surrogate) => UnitCounters.Import(surrogate.ToEntries());

    public UnitCountersSurrogate ConvertToSurrogate(in UnitCounters value) => UnitCountersSurrogate.From([.. value.Export()]);
}
