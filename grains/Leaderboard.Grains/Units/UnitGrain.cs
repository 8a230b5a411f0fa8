using Leaderboard.Abstractions.Boards;
using Leaderboard.Abstractions.Ingestion;
using Leaderboard.Abstractions.Ledger;
using Leaderboard.Abstractions.Units;
using Leaderboard.Domain.Catalogue;
using Leaderboard.Domain.Counting;
using Leaderboard.Domain.Indicators;
using Leaderboard.Grains.Boards;
using Leaderboard.Grains.Ledger;
using Leaderboard.Grains.Organisation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Utilities;

namespace Leaderboard.Grains.Units;

/// <summary>
/// A unit's numbers: the sum of every ledger shard's counters for the unit's subtree, kept per shard so that one
/// shard's gap or restart is repaired by re-reading that shard alone. Nothing here is durable: the journal is, and
/// activation rebuilds from the shards. Publishes when its silo's dispatcher delivers updates (at most once per
/// <see cref="LedgerOptions.UnitPublishInterval"/>, four times a second by default), per campaign, with versions; never
/// more than ten times a second whatever the number of silos delivering.
/// </summary>
internal sealed partial class UnitGrain(
    CatalogueHolder catalogues,
    NumbersDay numbersDay,
    IOptions<LedgerOptions> ledgerOptions,
    BoardUpdateDispatcher boards,
    TimeProvider time,
    ILogger<UnitGrain> logger) : Grain, IUnitGrain
{
    /// <summary>By shard: the epoch and sequence of the last delta applied (an epoch is never 0; 0: not read yet).</summary>
    private (long Epoch, long Sequence)[] _shards = [];
    private UnitCounters _total = new();
    private readonly Dictionary<string, UnitStanding> _standings = new(StringComparer.Ordinal);

    /// <summary>By campaign: the standing as of the end of <see cref="_previousDayDate"/> last sent to the boards.</summary>
    private readonly Dictionary<string, UnitStanding> _previousDay = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _versions = new(StringComparer.Ordinal);
    private readonly Dictionary<BoardKey, BoardRank> _ranks = [];
    private readonly Dictionary<string, List<BoardRank>> _publishedRanks = new(StringComparer.Ordinal);
    private readonly List<ActivityCount> _activity = [];
    private readonly ObserverManager<IUnitObserver> _observers = new(TimeSpan.FromMinutes(2), logger);
    private long _epoch;
    private long _revision;
    private Task? _rebuild;
    private bool _dirty;
    private bool _countersChanged = true;
    private bool _ranksChanged = true;
    private bool _live;
    private bool _pastChanged = true;
    private DateOnly _previousDayDate;
    private DateTimeOffset _lastPublish = DateTimeOffset.MinValue;
    private IGrainTimer? _publishTimer;
    private DateTimeOffset? _publishAt;

    /// <summary>
    /// The least time between two publications: api.md's "at most ten times a second". Deliveries come at most once per
    /// <see cref="LedgerOptions.UnitPublishInterval"/> from each silo's dispatcher, a little early or late by the rounds,
    /// so a unit publishes on each delivery rather than waiting for a timer to round the interval up.
    /// </summary>
    private static readonly TimeSpan MinimumSpacing = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// A unit publishes at most four times a second by default: boards rank at most five times a second anyway, and a busy
    /// province of thousands of units does not re-evaluate every unit on every delta.
    /// </summary>
    private TimeSpan PublishInterval => ledgerOptions.Value.UnitPublishInterval;

    private string Code => this.GetPrimaryKeyString();

    private Catalogue Catalogue => catalogues.Current;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _epoch = Epochs.New(time);
        _revision = catalogues.Revision;
        await ReadShardsAsync();
        EvaluateAll();
        await base.OnActivateAsync(cancellationToken);
    }

    public async Task ApplyAsync(UnitUpdates updates)
    {
        await FollowCatalogueAsync();
        var today = Today();
        foreach (var delta in updates.Deltas)
        {
            // A fact about an earlier day moves where "today's movement" starts from (domain.md): the boards hear of it.
            _pastChanged = _pastChanged || delta.Counters.TouchesBefore(today);

            var seen = (uint)delta.Shard < (uint)_shards.Length ? _shards[delta.Shard] : default;
            var known = seen.Epoch != 0;
            if (known && seen.Epoch == delta.Epoch && delta.Sequence == seen.Sequence + 1)
            {
                delta.Counters.AddTo(_total);
                _shards[delta.Shard] = (delta.Epoch, delta.Sequence);
            }
            else if (!known || seen.Epoch != delta.Epoch || delta.Sequence > seen.Sequence + 1)
            {
                // A gap or a restarted shard (rare): re-read every shard's contribution, which includes this delta
                // and makes any older one still in flight stale.
                LogResynchronised(Code, delta.Shard);
                await ReadShardsAsync();
            }

            _activity.AddRange(delta.Activity);
            _live |= delta.Live;
            _dirty = true;
            _countersChanged = true;
        }

        foreach (var notice in updates.Ranks)
        {
            // Only the ranks moved: no re-evaluation needed; this publication carries them.
            var r = new BoardRank(notice.Board.Board, notice.Rank, notice.Of);
            if (_ranks.GetValueOrDefault(notice.Board) != r)
            {
                _ranks[notice.Board] = r;
                _ranksChanged = true;
                _dirty = true;
            }
        }

        if (_dirty)
        {
            await PublishSoonAsync();
        }
    }

    [ResponseTimeout("00:00:30")]
    public async Task<UnitStanding> GetStandingAsync(string campaign, DateOnly? asOf)
    {
        await FollowCatalogueAsync();
        var c = Catalogue.FindCampaign(campaign) ?? throw new ArgumentException($"unknown campaign {campaign}", nameof(campaign));
        return Evaluate(c, asOf);
    }

    public async Task<UnitProgress> GetProgressAsync(string campaign, DateOnly? asOf)
    {
        await FollowCatalogueAsync();
        var c = Catalogue.FindCampaign(campaign) ?? throw new ArgumentException($"unknown campaign {campaign}", nameof(campaign));
        var standing = Evaluate(c, asOf);
        var ranks = new List<BoardRank>();
        foreach (var board in c.Boards.Where(b => b.Members.Contains(Code)))
        {
            if (asOf is null)
            {
                if (_ranks.TryGetValue(new BoardKey(c.Id, board.Id), out var r))
                {
                    ranks.Add(r);
                }
                else
                {
                    var snap = await GrainFactory.GetGrain<IBoardGrain>(new BoardKey(c.Id, board.Id).ToString()).GetSnapshotAsync();
                    AddRank(ranks, board.Id, snap);
                }
            }
            else
            {
                var snap = await GrainFactory.GetGrain<IBoardGrain>(new BoardKey(c.Id, board.Id).ToString()).GetAsOfAsync(asOf.Value);
                AddRank(ranks, board.Id, snap);
            }
        }

        var until = Min(c.End, asOf ?? Today());
        var trend = until < c.Start
            ? []
            : _total.Cumulative(c.Start, until, Catalogue.OnlineProceduresOfSubtree(Code)).Select(p => new TrendDay(p.Day, p.Counts)).ToList();
        var projection = Projection.Project(trend.Select(t => new TrendPoint(t.Day, t.Counts)).ToList(), c.End);
        return new UnitProgress(c.Id, Code, _epoch, _versions.GetValueOrDefault(c.Id), asOf, standing, ranks, trend, projection);
    }

    public Task SubscribeAsync(IUnitObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(IUnitObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    /// <summary>Every shard's contribution to this unit's subtree, summed; then every campaign evaluated.</summary>
    private async Task ReadShardsAsync()
    {
        var shards = ledgerOptions.Value.Shards;
        var pulls = new Task<ShardContribution>[shards];
        for (var s = 0; s < shards; s++)
        {
            pulls[s] = GrainFactory.GetGrain<ILedgerShardGrain>(s).GetContributionAsync(Code);
        }

        var total = new UnitCounters();
        var read = new (long Epoch, long Sequence)[shards];
        foreach (var part in await Task.WhenAll(pulls))
        {
            read[part.Shard] = (part.Epoch, part.Sequence);
            total.Add(part.Counters);
        }

        _shards = read;
        _total = total;
        _pastChanged = true;
    }

    /// <summary>What activation starts from: the standings as they are, which later publications compare against.</summary>
    private void EvaluateAll()
    {
        _standings.Clear();
        foreach (var campaign in Catalogue.Campaigns)
        {
            _standings[campaign.Id] = Evaluate(campaign, null);
        }
    }

    /// <summary>
    /// After the catalogue changed, the subtree, its procedures and the campaigns may differ: re-read every shard
    /// (they rebuild under the new tree first) and publish what that changes. Concurrent callers share one rebuild.
    /// </summary>
    private Task FollowCatalogueAsync()
    {
        if (catalogues.Revision == _revision)
        {
            return _rebuild ?? Task.CompletedTask;
        }

        _revision = catalogues.Revision;
        _rebuild = RebuildAsync();
        return _rebuild;

        async Task RebuildAsync()
        {
            await ReadShardsAsync();

            // The next publication compares with what was last published; a campaign the catalogue dropped is gone.
            foreach (var campaign in _standings.Keys.Where(c => Catalogue.FindCampaign(c) is null).ToList())
            {
                _standings.Remove(campaign);
            }

            _ranks.Clear();
            _publishedRanks.Clear();
            _dirty = true;
            _countersChanged = true;
            _rebuild = null;

            // The next publication tells the boards; a rebuild runs inside calls that must not wait for it.
            SchedulePublish(soon: false);
        }
    }

    private void AddRank(List<BoardRank> ranks, string board, BoardSnapshot snap)
    {
        foreach (var e in snap.Entries)
        {
            if (e.Standing.Unit == Code)
            {
                ranks.Add(new BoardRank(board, e.Rank, snap.Entries.Count));
                return;
            }
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private DateOnly Today() => numbersDay.Today(Catalogue.TimeZone);

    private UnitStanding Evaluate(Campaign c, DateOnly? asOf)
    {
        var to = asOf is { } d ? Min(c.End, d) : c.End;
        var counts = _total.Count(c.Start, to, Catalogue.OnlineProceduresOfSubtree(Code));
        return StandingCalculator.Evaluate(c, Catalogue, Code, counts);
    }

    private async Task PublishSoonAsync()
    {
        if (time.GetUtcNow() - _lastPublish >= MinimumSpacing)
        {
            await PublishAsync();
        }
        else
        {
            SchedulePublish(soon: true);
        }
    }

    /// <summary>
    /// Schedules the next publication: when <paramref name="soon"/>, as soon as the least spacing since the last one is
    /// over (bringing an already scheduled one forward); otherwise a whole interval from now, unless one is scheduled.
    /// </summary>
    private void SchedulePublish(bool soon)
    {
        var now = time.GetUtcNow();
        var due = PublishInterval;
        if (soon)
        {
            due = MinimumSpacing - (now - _lastPublish);
            due = due > TimeSpan.Zero ? due : TimeSpan.Zero;
        }

        if (_publishAt is { } scheduled && (!soon || scheduled <= now + due))
        {
            return;
        }

        // One timer for the activation's life, moved rather than re-registered: a unit schedules up to four times a
        // second under load, and registering a grain timer each time showed in the node's profile.
        _publishTimer ??= this.RegisterGrainTimer(OnPublishTimerAsync, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        _publishTimer.Change(due, Timeout.InfiniteTimeSpan);
        _publishAt = now + due;
    }

    private async Task OnPublishTimerAsync(CancellationToken cancellationToken)
    {
        _publishAt = null;
        await PublishAsync();
    }

    private async Task PublishAsync()
    {
        if (!_dirty)
        {
            return;
        }

        _dirty = false;
        _lastPublish = time.GetUtcNow();
        var live = _live;
        _live = false;
        IReadOnlyList<ActivityCount> activity = _activity.Count == 0 ? [] : [.. _activity];
        _activity.Clear();
        var now = time.GetUtcNow();
        var countersChanged = _countersChanged;
        _countersChanged = false;
        var ranksMoved = _ranksChanged;
        _ranksChanged = false;
        var previousDate = Today().AddDays(-1);
        if (previousDate != _previousDayDate)
        {
            _previousDayDate = previousDate;
            _previousDay.Clear();
            _pastChanged = true;
        }

        var pastChanged = _pastChanged;
        _pastChanged = false;
        var myBoards = Catalogue.BoardsOf(Code);
        foreach (var c in Catalogue.Campaigns)
        {
            var before = _standings.GetValueOrDefault(c.Id);
            var after = countersChanged || before is null ? Evaluate(c, null) : before;
            _standings[c.Id] = after;
            var reached = live && before is not null ? Crossings(c, before, after, now) : [];
            var changed = before is null || !StandingComparer.Same(before, after);
            var previousDay = pastChanged ? PreviousDayChange(c, previousDate) : null;
            if (changed || reached.Count > 0 || activity.Count > 0 || previousDay is not null)
            {
                foreach (var key in myBoards)
                {
                    if (key.Campaign == c.Id)
                    {
                        boards.Post(key, new StandingUpdate(after, reached, activity, previousDay, previousDate));
                    }
                }
            }

            var ranksChanged = false;
            if (!_publishedRanks.TryGetValue(c.Id, out var ranks) || ranksMoved)
            {
                var current = RanksIn(c.Id);
                ranksChanged = ranks is null || !ranks.SequenceEqual(current);
                ranks = current;
            }

            if (changed || ranksChanged)
            {
                _publishedRanks[c.Id] = ranks;
                var version = _versions.GetValueOrDefault(c.Id) + 1;
                _versions[c.Id] = version;
                if (_observers.Count > 0)
                {
                    var change = new UnitChange(c.Id, Code, _epoch, version, after, ranks);
                    _observers.Notify(o => o.UnitChanged(change));
                }
            }

            foreach (var r in reached)
            {
                _observers.Notify(o => o.TargetReached(r));
            }
        }
    }

    /// <summary>
    /// The standing as of the end of <paramref name="previousDate"/> when it differs from the one last sent, else null.
    /// Once that day is the campaign's last or later, it is the current standing, which the board uses itself.
    /// </summary>
    private UnitStanding? PreviousDayChange(Campaign c, DateOnly previousDate)
    {
        if (previousDate >= c.End)
        {
            return null;
        }

        var standing = Evaluate(c, previousDate);
        if (_previousDay.TryGetValue(c.Id, out var sent) && StandingComparer.Same(sent, standing))
        {
            return null;
        }

        _previousDay[c.Id] = standing;
        return standing;
    }

    /// <summary>The unit's ranks on the boards of <paramref name="campaign"/>, by board code.</summary>
    private List<BoardRank> RanksIn(string campaign)
    {
        var ranks = new List<BoardRank>();
        foreach (var (key, rank) in _ranks)
        {
            if (key.Campaign == campaign)
            {
                ranks.Add(rank);
            }
        }

        ranks.Sort(static (a, b) => string.CompareOrdinal(a.Board, b.Board));
        return ranks;
    }

    private IReadOnlyList<TargetReached> Crossings(Campaign c, UnitStanding before, UnitStanding after, DateTimeOffset now)
    {
        List<TargetReached>? list = null;
        var ids = IndicatorIds.All;
        for (var i = 0; i < ids.Count; i++)
        {
            if (after.Indicators.TryGetValue(ids[i], out var a) && a.Met && a.Applicable
                && before.Indicators.TryGetValue(ids[i], out var b) && !b.Met && a.Value is { } v)
            {
                (list ??= []).Add(new TargetReached(c.Id, Code, ids[i], v, a.Target, now));
            }
        }

        return list is null ? [] : list;
    }
}
