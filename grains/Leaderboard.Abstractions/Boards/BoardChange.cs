namespace Leaderboard.Abstractions.Boards;

/// <summary>One published version of a board: every entry whose rank, score, eligibility or any indicator changed.</summary>
[GenerateSerializer, Immutable, Alias("lb.BoardChange")]
public sealed record BoardChange(
    [property: Id(0)] string Campaign,
    [property: Id(1)] string Board,
    [property: Id(2)] long Epoch,
    [property: Id(3)] long Version,
    [property: Id(4)] IReadOnlyList<BoardEntry> Entries);
