namespace Leaderboard.Abstractions.Boards;

/// <summary>A board as of its <see cref="Version"/>, entries in display order; <see cref="AsOf"/> set for a past day's ranking.</summary>
[GenerateSerializer, Immutable, Alias("lb.BoardSnapshot")]
public sealed record BoardSnapshot(
    [property: Id(0)] string Campaign,
    [property: Id(1)] string Board,
    [property: Id(2)] long Epoch,
    [property: Id(3)] long Version,
    [property: Id(4)] DateOnly? AsOf,
    [property: Id(5)] IReadOnlyList<BoardEntry> Entries);
