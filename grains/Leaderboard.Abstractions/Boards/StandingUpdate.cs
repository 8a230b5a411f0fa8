using Leaderboard.Abstractions.Ingestion;
using Leaderboard.Abstractions.Units;
using Leaderboard.Domain.Indicators;

namespace Leaderboard.Abstractions.Boards;

/// <summary>What a unit tells a board it competes on: its new standing, targets it just crossed, its recent activity.</summary>
[GenerateSerializer, Immutable, Alias("lb.StandingUpdate")]
public sealed record StandingUpdate(
    [property: Id(0)] UnitStanding Standing,
    [property: Id(1)] IReadOnlyList<TargetReached> Reached,
    [property: Id(2)] IReadOnlyList<ActivityCount> Activity);
