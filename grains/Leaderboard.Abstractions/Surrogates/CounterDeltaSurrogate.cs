using Leaderboard.Domain.Counting;

namespace Leaderboard.Abstractions.Surrogates;

/// <summary>A delta's entries as parallel arrays, like <see cref="UnitCountersSurrogate"/>.</summary>
[GenerateSerializer, Immutable, Alias("lb.CounterDelta")]
public struct CounterDeltaSurrogate
{
    [Id(0)] public CounterKind[] Kinds;
    [Id(1)] public int[] Days;
    [Id(2)] public string?[] Procedures;
    [Id(3)] public int[] Numerators;
    [Id(4)] public int[] Denominators;
}
