using System.Threading.Channels;
using Leaderboard.Grains.Dispatch;
using Microsoft.Extensions.Time.Testing;

namespace Leaderboard.Tests.Dispatch;

/// <summary>A dispatcher with a key spacing: a key gets at most one call per spacing, other keys are not held up.</summary>
public sealed class RoundDispatcherTests
{
    private static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan KeySpacing = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_busy_key_waits_for_its_spacing_while_other_keys_go_at_once()
    {
        var time = new WatchedTimeProvider();
        using var dispatcher = new RecordingDispatcher(time);
        await dispatcher.StartAsync(CancellationToken.None);

        dispatcher.Post("a", 1);
        Assert.Equal("a:1", await dispatcher.NextAsync());

        // A round for another key; by its end the call to "a" has returned.
        time.Advance(Spacing);
        dispatcher.Post("b", 1);
        Assert.Equal("b:1", await dispatcher.NextAsync());

        dispatcher.Post("a", 2);
        time.Advance(KeySpacing - Spacing - TimeSpan.FromMilliseconds(1));
        dispatcher.Post("c", 1);
        Assert.Equal("c:1", await dispatcher.NextAsync());

        // Still coalescing; the spacing since the first call to "a" ends and "a" goes with both. Its round waits out the
        // round spacing since "c" (a delay the dispatcher's loop starts on its own thread): the clock moves on only once
        // that delay is there, or it would be set after the clock had passed it and never end.
        dispatcher.Post("a", 3);
        time.ExpectTimer();
        time.Advance(TimeSpan.FromMilliseconds(1));
        await time.TimerCreatedAsync();
        time.Advance(Spacing);
        Assert.Equal("a:2,3", await dispatcher.NextAsync());

        await dispatcher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_key_quiet_for_longer_than_its_spacing_goes_at_once()
    {
        var time = new FakeTimeProvider();
        using var dispatcher = new RecordingDispatcher(time);
        await dispatcher.StartAsync(CancellationToken.None);

        dispatcher.Post("a", 1);
        Assert.Equal("a:1", await dispatcher.NextAsync());

        time.Advance(KeySpacing);
        dispatcher.Post("a", 2);
        Assert.Equal("a:2", await dispatcher.NextAsync());

        await dispatcher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_key_spacing_changed_before_a_round_holds_keys_scheduled_after_it()
    {
        var time = new FakeTimeProvider();
        using var dispatcher = new RecordingDispatcher(time);
        await dispatcher.StartAsync(CancellationToken.None);

        dispatcher.Post("a", 1);
        Assert.Equal("a:1", await dispatcher.NextAsync());

        // The next round (another key's) lengthens the spacing to a second.
        dispatcher.NextKeySpacing(TimeSpan.FromSeconds(1));
        time.Advance(Spacing);
        dispatcher.Post("b", 1);
        Assert.Equal("b:1", await dispatcher.NextAsync());

        // Past the old spacing since "a" was sent, but not the new one: "a" waits, other keys do not.
        time.Advance(KeySpacing);
        dispatcher.Post("a", 2);
        dispatcher.Post("c", 1);
        Assert.Equal("c:1", await dispatcher.NextAsync());

        time.Advance(TimeSpan.FromSeconds(1) - KeySpacing - Spacing);
        Assert.Equal("a:2", await dispatcher.NextAsync());

        await dispatcher.StopAsync(CancellationToken.None);
    }

    /// <summary>A fake clock that tells when a timer is made, so a test advances it only once a delay is waiting on it.</summary>
    private sealed class WatchedTimeProvider : FakeTimeProvider
    {
        private TaskCompletionSource _created = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>From now on, <see cref="TimerCreatedAsync"/> waits for the next timer made.</summary>
        public void ExpectTimer() => Volatile.Write(ref _created, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

        public Task TimerCreatedAsync() => Volatile.Read(ref _created).Task.WaitAsync(Patience);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            Volatile.Read(ref _created).TrySetResult();
            return timer;
        }
    }

    private sealed class RecordingDispatcher(TimeProvider time)
        : RoundDispatcher<string, int, List<int>>(Spacing, KeySpacing, time, StringComparer.Ordinal)
    {
        private readonly Channel<string> _delivered = Channel.CreateUnbounded<string>();
        private TimeSpan? _nextKeySpacing;

        public async Task<string> NextAsync() => await _delivered.Reader.ReadAsync().AsTask().WaitAsync(Patience);

        /// <summary>The key spacing the next round sets.</summary>
        public void NextKeySpacing(TimeSpan spacing)
        {
            lock (_delivered)
            {
                _nextKeySpacing = spacing;
            }
        }

        protected override void BeforeRound()
        {
            TimeSpan? spacing;
            lock (_delivered)
            {
                spacing = _nextKeySpacing;
                _nextKeySpacing = null;
            }

            if (spacing is { } s)
            {
                SetKeySpacing(s);
            }
        }

        protected override List<int> NewBatch() => [];

        protected override void Add(List<int> batch, int item) => batch.Add(item);

        protected override Task DeliverAsync(string key, List<int> batch)
        {
            _delivered.Writer.TryWrite($"{key}:{string.Join(',', batch)}");
            return Task.CompletedTask;
        }

        protected override void OnLost(Exception exception, string key, List<int> batch) =>
            throw new InvalidOperationException("a delivery that cannot fail failed", exception);
    }
}
