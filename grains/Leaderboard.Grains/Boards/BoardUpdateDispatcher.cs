using Leaderboard.Abstractions.Boards;
using Leaderboard.Domain.Catalogue;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Leaderboard.Grains.Boards;

/// <summary>
/// One per silo: gathers what this silo's units tell their boards and delivers it as one call per board per window
/// (100 ms), keeping each unit's latest standing. A board of thousands of units would otherwise receive a call from
/// every unit that moved; units also never wait on a board this way.
/// </summary>
internal sealed partial class BoardUpdateDispatcher(IGrainFactory grains, TimeProvider time, ILogger<BoardUpdateDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(100);

    private readonly Lock _gate = new();
    private Dictionary<BoardKey, Dictionary<string, StandingUpdate>> _pending = [];

    public void Post(BoardKey board, StandingUpdate update)
    {
        lock (_gate)
        {
            if (!_pending.TryGetValue(board, out var byUnit))
            {
                _pending[board] = byUnit = new Dictionary<string, StandingUpdate>(StringComparer.Ordinal);
            }

            var unit = update.Standing.Unit;
            byUnit[unit] = byUnit.TryGetValue(unit, out var earlier)
                ? new StandingUpdate(update.Standing, [.. earlier.Reached, .. update.Reached], [.. earlier.Activity, .. update.Activity])
                : update;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Window, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            Dictionary<BoardKey, Dictionary<string, StandingUpdate>> window;
            lock (_gate)
            {
                if (_pending.Count == 0)
                {
                    continue;
                }

                window = _pending;
                _pending = [];
            }

            await Task.WhenAll(window.Select(kv => DeliverAsync(kv.Key, [.. kv.Value.Values])));
        }
    }

    private async Task DeliverAsync(BoardKey board, IReadOnlyList<StandingUpdate> updates)
    {
        try
        {
            await grains.GetGrain<IBoardGrain>(board.ToString()).UpdateStandingsAsync(updates);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogLost(ex, board, updates.Count);
        }
    }
}
