namespace Leaderboard.Domain.Catalogue;

/// <summary>An open object (with the names seen so far) or array (with the count of its items) while mapping lines.</summary>
internal readonly record struct JsonLineFrame(string Path, HashSet<string>? Names, int Count);
