using System.Threading.Channels;

namespace Leaderboard.Grains.Dispatch;

/// <summary>
/// The pacing of a per-silo dispatcher's delivery rounds: a round starts as soon as something is posted while the
/// dispatcher is idle, and never sooner than <c>spacing</c> after the previous round began. What is posted in between
/// (or while a key's call is still in flight) is coalesced into the next round. So at moderate load a post is
/// delivered at once, and at high load each key gets at most one call per round and one in flight, however many posts.
/// </summary>
internal sealed class DispatchRounds(TimeSpan spacing, TimeProvider time)
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private long _lastRound;
    private bool _started;

    /// <summary>Asks for a round (idempotent until the round starts).</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>Waits until a round was asked for and the spacing since the previous round has passed.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await _wake.Reader.ReadAsync(cancellationToken);
        if (_started)
        {
            var wait = spacing - time.GetElapsedTime(_lastRound);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }
        }

        _started = true;
        _lastRound = time.GetTimestamp();
    }
}
