using Leaderboard.Abstractions.Boards;
using Leaderboard.Domain.Catalogue;
using Leaderboard.Grains.Dispatch;
using Leaderboard.Grains.Ledger;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Leaderboard.Grains.Boards;

/// <summary>
/// One per silo: gathers what this silo's units tell their boards and delivers it as one call per board per round,
/// keeping each unit's latest standing. A round starts as soon as an update arrives while the dispatcher is idle and at
/// most once per <see cref="LedgerOptions.BoardDispatchInterval"/>; updates for a board whose call is in flight wait for
/// the next round after it returns (see <see cref="DispatchRounds"/>). A board of thousands of units would otherwise receive a call from
/// every unit that moved; units also never wait on a board this way. A board has at most one call in flight, so a
/// board whose node is gone holds up no other board.
/// </summary>
internal sealed partial class BoardUpdateDispatcher(
    IGrainFactory grains,
    IOptions<LedgerOptions> options,
    TimeProvider time,
    ILogger<BoardUpdateDispatcher> logger) : BackgroundService
{
    private readonly DispatchRounds _rounds = new(options.Value.BoardDispatchInterval, time);
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
            if (_inFlight.Contains(board))
            {
                // Sent when the call in flight returns.
                return;
            }
        }

        _rounds.Wake();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _rounds.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

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
            bool more;
            lock (_gate)
            {
                _inFlight.Remove(board);
                more = _pending.ContainsKey(board);
            }

            if (more)
            {
                _rounds.Wake();
            }
        }
    }
}
