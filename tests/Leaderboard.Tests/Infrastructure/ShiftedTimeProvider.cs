namespace Leaderboard.Tests.Infrastructure;

/// <summary>
/// The system clock moved to another moment: it reads <paramref name="now"/> at construction and runs on from there,
/// while timers and timestamps stay the system's (so grain timers and dispatch rounds fire as usual).
/// </summary>
public sealed class ShiftedTimeProvider(DateTimeOffset now) : TimeProvider
{
    private readonly TimeSpan _shift = now - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;
}
