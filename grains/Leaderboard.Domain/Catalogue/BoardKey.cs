namespace Leaderboard.Domain.Catalogue;

/// <summary>Identifies a board: a campaign and one of its boards.</summary>
public readonly record struct BoardKey(string Campaign, string Board)
{
    public override string ToString() => $"{Campaign}/{Board}";

    public static BoardKey Parse(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? throw new FormatException($"not a board key: {key}") : new BoardKey(key[..slash], key[(slash + 1)..]);
    }
}
