using Leaderboard.Domain.Counting;

namespace Leaderboard.Abstractions.Surrogates;

/// <summary>Sparse counters as parallel arrays: compact on the wire and in snapshots.</summary>
[GenerateSerializer, Immutable, Alias("lb.UnitCounters")]
public struct UnitCountersSurrogate
{
    [Id(0)] public CounterKind[] Kinds;
    [Id(1)] public int[] Days;
    [Id(2)] public string?[] Procedures;
    [Id(3)] public int[] Numerators;
    [Id(4)] public int[] Denominators;
}
