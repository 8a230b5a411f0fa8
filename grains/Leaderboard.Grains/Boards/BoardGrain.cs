using Leaderboard.Abstractions.Boards;
using Leaderboard.Abstractions.Units;
using Leaderboard.Domain.Catalogue;
using Leaderboard.Domain.Indicators;
using Leaderboard.Domain.Ranking;
using Leaderboard.Grains.Dispatch;
using Leaderboard.Grains.Ledger;
using Leaderboard.Grains.Organisation;
using Leaderboard.Grains.Units;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Utilities;

namespace Leaderboard.Grains.Boards;

/// <summary>
/// A campaign's board: holds its units' latest standings, ranks them, and publishes versioned diffs at most once per
/// <see cref="LedgerOptions.BoardPublishInterval"/> (five times a second by default, never more than ten; at once after a quiet spell),
/// whether or not anyone listens. Units push; the board pulls only when it activates and for "as of" questions.
/// </summary>
[KeepAlive]
internal sealed partial class BoardGrain(
    CatalogueHolder catalogues,
    NumbersDay numbersDay,
    IGrainFactory grains,
    UnitUpdateDispatcher unitUpdates,
    IOptions<LedgerOptions> options,
    TimeProvider time,
    ILogger<BoardGrain> logger) : Grain, IBoardGrain
{
    private readonly GrainReferences<IUnitGrain> _units = new(grains);
    private readonly TimeSpan _publishInterval = options.Value.BoardPublishInterval;
    private readonly ActivityPacer _activity = new(options.Value.ActivityInterval, options.Value.ActivityPerRound, time);

    private readonly Dictionary<string, UnitStanding> _standings = new(StringComparer.Ordinal);

    /// <summary>Re-ranks with the same buffers every time (this grain's turns never overlap).</summary>
    private readonly Ranker _ranker = new();
    private readonly Dictionary<string, BoardEntry> _published = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UnitStanding> _standingsAtDayStart = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _ranksAtDayStart = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Rank, int Of)> _toldRanks = new(StringComparer.Ordinal);
    private readonly List<TargetReached> _reached = [];
    private readonly ObserverManager<IBoardObserver> _observers = new(TimeSpan.FromMinutes(2), logger);
    private BoardKey _key;
    private Campaign _campaign = null!;
    private Board _board = null!;
    private IReadOnlyList<BoardEntry> _order = [];
    private long _epoch;
    private long _revision;
    private long _version;
    private bool _dirty;
    private bool _dayStartChanged;
    private DateOnly _day;
    private DateTimeOffset _lastPublish = DateTimeOffset.MinValue;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = BoardKey.Parse(this.GetPrimaryKeyString());
        await LoadAsync();
        this.RegisterGrainTimer(OnTimerAsync, new GrainTimerCreationOptions(_publishInterval, _publishInterval) { KeepAlive = true });
        await base.OnActivateAsync(cancellationToken);
    }

    public Task UpdateStandingsAsync(IReadOnlyList<StandingUpdate> updates)
    {
        foreach (var update in updates)
        {
            if (!_standings.ContainsKey(update.Standing.Unit))
            {
                // Not (or no longer) a member under the catalogue this board was built from.
                continue;
            }

            if (!StandingComparer.Same(_standings[update.Standing.Unit], update.Standing))
            {
                _standings[update.Standing.Unit] = update.Standing;
                _dirty = true;
            }

            if (update.PreviousDay is { } previous && update.PreviousDayDate == _day.AddDays(-1) && !Over
                && !(_standingsAtDayStart.TryGetValue(update.Standing.Unit, out var known) && StandingComparer.Same(known, previous)))
            {
                // A late fact about an earlier day: where today's movement starts from moved.
                _standingsAtDayStart[update.Standing.Unit] = previous;
                _dayStartChanged = true;
                _dirty = true;
            }

            _reached.AddRange(update.Reached);
            _activity.Add(update.Activity);
        }

        if (time.GetUtcNow() - _lastPublish >= _publishInterval)
        {
            Publish();
        }

        return Task.CompletedTask;
    }

    public Task<BoardSnapshot> GetSnapshotAsync() =>
        Task.FromResult(new BoardSnapshot(_campaign.Id, _board.Id, _epoch, _version, null, _order));

    /// <summary>
    /// The ranking at the end of <paramref name="asOf"/>, each entry with its rank at the end of the day before (the day's
    /// movement, as the live board has it; none on the campaign's first day, when there was no ranking before).
    /// </summary>
    public async Task<BoardSnapshot> GetAsOfAsync(DateOnly asOf)
    {
        var day = Task.WhenAll(_board.Members.Select(m => _units[m].GetStandingAsync(_campaign.Id, asOf)));
        var dayBefore = asOf > _campaign.Start
            ? Task.WhenAll(_board.Members.Select(m => _units[m].GetStandingAsync(_campaign.Id, asOf.AddDays(-1))))
            : Task.FromResult(Array.Empty<UnitStanding>());
        var before = Rank(await dayBefore, withPrevious: false).ToDictionary(e => e.Standing.Unit, e => e.Rank, StringComparer.Ordinal);
        var entries = Rank(await day, withPrevious: false)
            .Select(e => e with { PreviousRank = before.TryGetValue(e.Standing.Unit, out var rank) ? rank : null })
            .ToList();
        return new BoardSnapshot(_campaign.Id, _board.Id, _epoch, _version, asOf, entries);
    }

    public async Task ResynchroniseAsync()
    {
        var standings = await Task.WhenAll(_board.Members.Select(m => _units[m].GetStandingAsync(_campaign.Id, null)));
        foreach (var s in standings)
        {
            if (!_standings.TryGetValue(s.Unit, out var old) || !StandingComparer.Same(old, s))
            {
                _standings[s.Unit] = s;
                _dirty = true;
            }
        }

        if (_dirty)
        {
            LogResynchronised(_key);
        }
    }

    public Task SubscribeAsync(IBoardObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(IBoardObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    /// <summary>Reads the board's campaign and members from the catalogue in force and pulls every member's standing.</summary>
    private async Task LoadAsync()
    {
        var catalogue = catalogues.Current;
        _revision = catalogues.Revision;
        _campaign = catalogue.FindCampaign(_key.Campaign) ?? throw new InvalidOperationException($"unknown campaign {_key.Campaign}");
        _board = _campaign.FindBoard(_key.Board) ?? throw new InvalidOperationException($"unknown board {_key}");
        _epoch = Epochs.New(time);
        _version = 0;
        _day = Today();
        _standings.Clear();
        _published.Clear();
        _toldRanks.Clear();

        // Today's standings and yesterday's are read at once: an activation (after a node died, say) waits for one round
        // of calls to the members, not two.
        var current = Task.WhenAll(_board.Members.Select(m => _units[m].GetStandingAsync(_campaign.Id, null)));
        var dayStart = LoadRanksAtDayStartAsync();
        foreach (var s in await current)
        {
            _standings[s.Unit] = s;
        }

        await dayStart;
        _order = Rank(_standings.Values, withPrevious: true);
        foreach (var e in _order)
        {
            _published[e.Standing.Unit] = e;
        }
    }

    /// <summary>
    /// "Today's movement" is the change of rank since the end of the previous day (domain.md): the ranks of the
    /// members' standings as of that day, as <c>?asOf=</c> gives them, read whenever the board loads (a start, a
    /// restart, a new catalogue) or the day turns, and kept current by the units, which send that standing again when a
    /// late fact about an earlier day changes it. Taking the ranks of the moment instead made every start the day's
    /// baseline: after a restart the movement of the day so far was lost, and after a first start on an empty store
    /// every unit had been "first".
    /// </summary>
    private async Task LoadRanksAtDayStartAsync()
    {
        _standingsAtDayStart.Clear();
        _ranksAtDayStart.Clear();
        if (Over)
        {
            return;
        }

        var standings = await Task.WhenAll(_board.Members.Select(m => _units[m].GetStandingAsync(_campaign.Id, _day.AddDays(-1))));
        foreach (var s in standings)
        {
            _standingsAtDayStart[s.Unit] = s;
        }

        RankDayStart();
    }

    private void RankDayStart()
    {
        _dayStartChanged = false;
        _ranksAtDayStart.Clear();
        foreach (var e in Rank(_standingsAtDayStart.Values, withPrevious: false))
        {
            _ranksAtDayStart[e.Standing.Unit] = e.Rank;
        }
    }

    private async Task OnTimerAsync(CancellationToken cancellationToken)
    {
        if (catalogues.Revision != _revision)
        {
            // The catalogue changed: members, targets or the board itself may be different. A new epoch makes
            // every client take a new snapshot.
            if (catalogues.Current.FindCampaign(_key.Campaign)?.FindBoard(_key.Board) is null)
            {
                _revision = catalogues.Revision;
                DeactivateOnIdle();
                return;
            }

            await LoadAsync();
            _version = 1;
            var reloaded = new BoardChange(_campaign.Id, _board.Id, _epoch, _version, _order);
            _observers.Notify(o => o.BoardChanged(reloaded));
            LogReloaded(_key, _revision);
            return;
        }

        var today = Today();
        if (today != _day)
        {
            _day = today;
            await LoadRanksAtDayStartAsync();
            _dirty = true;
        }

        Publish();
    }

    private void Publish()
    {
        if (_dirty)
        {
            _dirty = false;
            if (_dayStartChanged)
            {
                RankDayStart();
            }

            var order = Rank(_standings.Values, withPrevious: true);
            var changed = new List<BoardEntry>();
            foreach (var e in order)
            {
                if (!_published.TryGetValue(e.Standing.Unit, out var before) || !Same(before, e))
                {
                    changed.Add(e);
                }

                _published[e.Standing.Unit] = e;
            }

            _order = order;
            if (changed.Count > 0)
            {
                _version++;
                _lastPublish = time.GetUtcNow();
                var change = new BoardChange(_campaign.Id, _board.Id, _epoch, _version, changed);
                _observers.Notify(o => o.BoardChanged(change));
                foreach (var e in changed)
                {
                    // Units hear only of a rank that moved, not of every change of their own numbers.
                    if (_toldRanks.GetValueOrDefault(e.Standing.Unit) != (e.Rank, order.Count))
                    {
                        _toldRanks[e.Standing.Unit] = (e.Rank, order.Count);
                        unitUpdates.PostRank(e.Standing.Unit, new RankNotice(_key, e.Rank, order.Count));
                    }
                }
            }
        }

        if (_reached.Count > 0)
        {
            foreach (var r in _reached)
            {
                _observers.Notify(o => o.TargetReached(_board.Id, r));
            }

            _reached.Clear();
            _lastPublish = time.GetUtcNow();
        }

        var round = _activity.TakeDue();
        if (round.Count > 0)
        {
            var activity = new BoardActivity(_campaign.Id, _board.Id, round);
            _observers.Notify(o => o.Activity(activity));
        }
    }

    private List<BoardEntry> Rank(IEnumerable<UnitStanding> standings, bool withPrevious)
    {
        var ranked = _ranker.Rerank(standings);
        var list = new List<BoardEntry>(ranked.Length);
        foreach (var r in ranked)
        {
            int? previous = !withPrevious ? null : Over ? r.Rank : _ranksAtDayStart.TryGetValue(r.Standing.Unit, out var p) ? p : null;
            list.Add(new BoardEntry(r.Standing, r.Rank, previous));
        }

        return list;
    }

    /// <summary>
    /// From the day after the campaign's last, the standings as of yesterday count everything there is to count: they
    /// are today's, so no rank moves and no unit needs asking for them.
    /// </summary>
    private bool Over => _day.AddDays(-1) >= _campaign.End;

    private static bool Same(BoardEntry a, BoardEntry b) =>
        a.Rank == b.Rank && a.PreviousRank == b.PreviousRank && StandingComparer.Same(a.Standing, b.Standing);

    private DateOnly Today() => numbersDay.Today(catalogues.Current.TimeZone);
}
