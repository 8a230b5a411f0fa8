using Leaderboard.Abstractions.Boards;
using Leaderboard.Domain.Catalogue;
using Leaderboard.Grains.Dispatch;
using Leaderboard.Grains.Ledger;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Leaderboard.Grains.Boards;

/// <summary>
/// One per silo: gathers what this silo's units tell their boards and delivers it as one call per board per round (at
/// most once per <see cref="LedgerOptions.BoardDispatchInterval"/>), keeping each unit's latest standing. A board of
/// thousands of units would otherwise receive a call from every unit that moved; units also never wait on a board
/// this way. A board has at most one call in flight, so a board whose node is gone holds up no other board.
/// </summary>
internal sealed partial class BoardUpdateDispatcher(
    IGrainFactory grains,
    IOptions<LedgerOptions> options,
    TimeProvider time,
    ILogger<BoardUpdateDispatcher> logger)
    : RoundDispatcher<BoardKey, StandingUpdate, Dictionary<string, StandingUpdate>>(options.Value.BoardDispatchInterval, TimeSpan.Zero, time, null)
{
    private readonly GrainReferences<IBoardGrain> _boards = new(grains);

    protected override Dictionary<string, StandingUpdate> NewBatch() => new(StringComparer.Ordinal);

    protected override void Add(Dictionary<string, StandingUpdate> batch, StandingUpdate item)
    {
        var unit = item.Standing.Unit;
        batch[unit] = batch.TryGetValue(unit, out var earlier)
            ? new StandingUpdate(
                item.Standing,
                [.. earlier.Reached, .. item.Reached],
                [.. earlier.Activity, .. item.Activity],
                item.PreviousDay ?? earlier.PreviousDay,
                item.PreviousDay is null ? earlier.PreviousDayDate : item.PreviousDayDate)
            : item;
    }

    protected override Task DeliverAsync(BoardKey key, Dictionary<string, StandingUpdate> batch) =>
        _boards[key.ToString()].UpdateStandingsAsync([.. batch.Values]);

    protected override void OnLost(Exception exception, BoardKey key, Dictionary<string, StandingUpdate> batch) =>
        LogLost(exception, key, batch.Count);
}
