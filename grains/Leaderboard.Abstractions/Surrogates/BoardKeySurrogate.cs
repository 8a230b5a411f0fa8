namespace Leaderboard.Abstractions.Surrogates;

/// <summary>
/// The wire form of a board key: a unit hears its rank on a board (a <c>RankNotice</c> in <c>IUnitGrain.ApplyAsync</c>)
/// from a board on another silo.
/// </summary>
[GenerateSerializer, Immutable, Alias("lb.BoardKey")]
public struct BoardKeySurrogate
{
    [Id(0)] public string Campaign;
    [Id(1)] public string Board;
}
