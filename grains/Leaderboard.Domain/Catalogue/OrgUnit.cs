namespace Leaderboard.Domain.Catalogue;

/// <summary>A unit (đơn vị) of the organisation. Parent/child comes from <see cref="Parent"/>, never from parsing the code.</summary>
public sealed record OrgUnit(string Code, string Name, string? Parent, string Kind);
