using Leaderboard.Domain.Catalogue;

namespace Leaderboard.Abstractions.Units;

/// <summary>A board tells a unit where it now stands on it: rank <see cref="Rank"/> of <see cref="Of"/>.</summary>
[GenerateSerializer, Immutable, Alias("lb.RankNotice")]
public sealed record RankNotice([property: Id(0)] BoardKey Board, [property: Id(1)] int Rank, [property: Id(2)] int Of);
