using Leaderboard.Grains.Dispatch;
using Microsoft.Extensions.Time.Testing;

namespace Leaderboard.Tests.Dispatch;

/// <summary>The pacing of the per-silo dispatchers: at once when idle, never two rounds closer than the spacing.</summary>
public sealed class DispatchRoundsTests
{
    private static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(20);

    [Fact]
    public async Task A_round_asked_for_while_idle_starts_at_once()
    {
        var time = new FakeTimeProvider();
        var rounds = new DispatchRounds(Spacing, time);

        rounds.Wake();
        var round = rounds.WaitAsync(CancellationToken.None);

        Assert.True(round.IsCompletedSuccessfully);
        await round;
    }

    [Fact]
    public async Task Without_a_wake_no_round_starts_however_long_it_waits()
    {
        var time = new FakeTimeProvider();
        var rounds = new DispatchRounds(Spacing, time);

        var round = rounds.WaitAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.False(round.IsCompleted);

        rounds.Wake();
        await round;
    }

    [Fact]
    public async Task A_round_right_after_another_waits_for_the_spacing_and_wakes_coalesce()
    {
        var time = new FakeTimeProvider();
        var rounds = new DispatchRounds(Spacing, time);
        rounds.Wake();
        await rounds.WaitAsync(CancellationToken.None);

        rounds.Wake();
        rounds.Wake();
        rounds.Wake();
        var second = rounds.WaitAsync(CancellationToken.None);
        time.Advance(Spacing - TimeSpan.FromMilliseconds(1));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await second;

        // The three wakes asked for one round, not three.
        var third = rounds.WaitAsync(CancellationToken.None);
        time.Advance(Spacing * 10);
        Assert.False(third.IsCompleted);
        rounds.Wake();
        await third;
    }

    [Fact]
    public async Task A_round_asked_for_after_a_quiet_spell_starts_at_once()
    {
        var time = new FakeTimeProvider();
        var rounds = new DispatchRounds(Spacing, time);
        rounds.Wake();
        await rounds.WaitAsync(CancellationToken.None);

        time.Advance(Spacing);
        rounds.Wake();
        var round = rounds.WaitAsync(CancellationToken.None);

        Assert.True(round.IsCompletedSuccessfully);
        await round;
    }
}
