namespace Leaderboard.Domain.Indicators;

/// <summary>
/// One indicator of one unit over a window, as domain.md's "Progress to target" describes it.
/// <see cref="Value"/> is N ÷ D as a double for display (null when D = 0); <see cref="Met"/> and
/// <see cref="Gap"/> are decided exactly. <see cref="Gap"/> is null when the indicator does not apply,
/// when usage has no denominator, or when a target of 1 can no longer be reached.
/// </summary>
public sealed record IndicatorProgress(
    string Id,
    long Numerator,
    long Denominator,
    double? Value,
    decimal Target,
    bool Met,
    long? Gap,
    bool Applicable);
