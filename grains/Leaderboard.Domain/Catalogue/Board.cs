namespace Leaderboard.Domain.Catalogue;

/// <summary>
/// A board of a campaign: the units that compete, either the children of one unit or an explicit list.
/// <see cref="Members"/> is resolved when the catalogue is built.
/// </summary>
public sealed record Board(string Id, string Name, string? ChildrenOf, IReadOnlyList<string> Members);
