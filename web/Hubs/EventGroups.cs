using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Leaderboard.Web.Hubs;

/// <summary>
/// Cuts a stream into groups of at most <c>maxCount</c> items, closing a group early once <c>maxWait</c> has passed
/// since its first item: a busy stream gets full groups, a trickle is still acknowledged promptly.
/// </summary>
public static class EventGroups
{
    public static async IAsyncEnumerable<IReadOnlyList<T>> GroupAsync<T>(
        IAsyncEnumerable<T> source,
        int maxCount,
        TimeSpan maxWait,
        TimeProvider time,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);

        // The source is read on its own task so that a group can be closed on time while the source is quiet.
        var buffer = Channel.CreateBounded<T>(new BoundedChannelOptions(maxCount) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pump = PumpAsync(source, buffer.Writer, stop.Token);
        try
        {
            // A fault of the source (a broken client stream) surfaces here, after the groups read before it.
            while (await buffer.Reader.WaitToReadAsync(cancellationToken))
            {
                var group = new List<T>(Math.Min(maxCount, 256));
                using (var timer = new CancellationTokenSource(maxWait, time))
                using (var window = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token))
                {
                    while (await FillAsync(buffer.Reader, group, maxCount, window.Token))
                    {
                    }
                }

                cancellationToken.ThrowIfCancellationRequested();
                yield return group;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await pump;
        }
    }

    /// <summary>Takes what is buffered; false once the group is full, the window closed or the source ended.</summary>
    private static async Task<bool> FillAsync<T>(ChannelReader<T> reader, List<T> group, int maxCount, CancellationToken window)
    {
        while (group.Count < maxCount && reader.TryRead(out var item))
        {
            group.Add(item);
        }

        if (group.Count >= maxCount)
        {
            return false;
        }

        try
        {
            return await reader.WaitToReadAsync(window);
        }
        catch (OperationCanceledException) when (window.IsCancellationRequested)
        {
            return false;
        }
    }

    private static async Task PumpAsync<T>(IAsyncEnumerable<T> source, ChannelWriter<T> writer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in source.WithCancellation(cancellationToken))
            {
                await writer.WriteAsync(item, cancellationToken);
            }

            writer.TryComplete();
        }
        catch (Exception ex)
        {
            writer.TryComplete(ex);
        }
    }
}
