using Leaderboard.Abstractions.Boards;
using Leaderboard.Domain.Catalogue;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Leaderboard.Grains.Boards;

/// <summary>
/// One per silo: gathers what this silo's units tell their boards and delivers it as one call per board per window
/// (100 ms), keeping each unit's latest standing. A board of thousands of units would otherwise receive a call from
/// every unit that moved; units also never wait on a board this way. A board has at most one call in flight, so a
/// board whose node is gone holds up no other board.
/// </summary>
internal sealed partial class BoardUpdateDispatcher(IGrainFactory grains, TimeProvider time, ILogger<BoardUpdateDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(100);

    private readonly Lock _gate = new();
    private readonly HashSet<BoardKey> _inFlight = [];
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
            List<(BoardKey Board, IReadOnlyList<StandingUpdate> Updates)> ready;
            lock (_gate)
            {
                if (_pending.Count == 0)
                {
                    continue;
                }

                ready = [];
                var waiting = new Dictionary<BoardKey, Dictionary<string, StandingUpdate>>();
                foreach (var kv in _pending)
                {
                    if (_inFlight.Add(kv.Key))
                    {
                        ready.Add((kv.Key, [.. kv.Value.Values]));
                    }
                    else
                    {
                        waiting[kv.Key] = kv.Value;
                    }
                }

                _pending = waiting;
            }

            foreach (var (board, updates) in ready)
            {
                _ = DeliverAsync(board, updates);
            }
        }
    }

    private async Task DeliverAsync(BoardKey board, IReadOnlyList<StandingUpdate> updates)
    {
        try
        {
            await grains.GetGrain<IBoardGrain>(board.ToString()).UpdateStandingsAsync(updates);
        }
        catch (Exception ex)
        {
            LogLost(ex, board, updates.Count);
        }
        finally
        {
            lock (_gate)
            {
                _inFlight.Remove(board);
            }
        }
    }
}
