using Leaderboard.Abstractions.Ingestion;
using Leaderboard.Abstractions.Units;
using Leaderboard.Domain.Indicators;

namespace Leaderboard.Abstractions.Boards;

/// <summary>
/// What a unit tells a board it competes on: its new standing, targets it just crossed, its recent activity, and, when
/// it changed (a late fact about an earlier day), its standing as of the end of <see cref="PreviousDayDate"/>, which
/// the board's "today's movement" is measured from.
/// </summary>
[GenerateSerializer, Immutable, Alias("lb.StandingUpdate")]
public sealed record StandingUpdate(
    [property: Id(0)] UnitStanding Standing,
    [property: Id(1)] IReadOnlyList<TargetReached> Reached,
    [property: Id(2)] IReadOnlyList<ActivityCount> Activity,
    [property: Id(3)] UnitStanding? PreviousDay = null,
    [property: Id(4)] DateOnly PreviousDayDate = default);
