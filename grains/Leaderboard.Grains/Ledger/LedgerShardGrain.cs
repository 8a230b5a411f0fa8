using System.Diagnostics;
using ActivityKind = Leaderboard.Abstractions.Ingestion.ActivityKind;
using Leaderboard.Abstractions;
using Leaderboard.Abstractions.Ingestion;
using Leaderboard.Abstractions.Ledger;
using Leaderboard.Domain.Catalogue;
using Leaderboard.Domain.Counting;
using Leaderboard.Domain.Events;
using Leaderboard.Grains.Organisation;
using Leaderboard.Grains.Storage;
using Leaderboard.Grains.Units;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Leaderboard.Grains.Ledger;

/// <summary>
/// One shard of the dossier ledger. Events reach it by dossier, so every fact about a dossier (receipts, corrections
/// that move it to another unit, payments before the receipt) is decided in one place, single threaded. It journals
/// a batch before applying it, applies only what the journal says is new, and reports coalesced deltas to units.
/// </summary>
[KeepAlive]
internal sealed partial class LedgerShardGrain(
    [PersistentState("ledger", StorageNames.Snapshots)] IPersistentState<LedgerSnapshotState> snapshot,
    IEventJournal journal,
    CatalogueHolder catalogues,
    IOptions<LedgerOptions> options,
    UnitUpdateDispatcher dispatcher,
    IngestLoad load,
    TimeProvider time,
    ILogger<LedgerShardGrain> logger) : Grain, ILedgerShardGrain
{
    private const string IdConflict = "mã sự kiện (id) đã được dùng cho một nội dung khác; sự kiện đầu tiên được giữ";

    /// <summary>Every unit this shard has reported to or is about to, by the ledger's slot of the unit (null: none yet).</summary>
    private readonly List<ShardUnit?> _units = [];

    /// <summary>What the ledger hands over at each drain (reused).</summary>
    private readonly List<(int Slot, CounterDelta Delta)> _taken = [];

    /// <summary>The units with something for the next flush, in the order they got it.</summary>
    private readonly List<ShardUnit> _queue = [];

    private DossierLedger _ledger = null!;
    private long _epoch;
    private long _revision;
    private long _nextSequence = 1;
    private long _lastApplied;
    private int _sinceSnapshot;
    private DateTimeOffset _lastReread;
    private int _appliedSinceFlush;
    private TimeSpan _flushInterval;
    private IGrainTimer? _flushTimer;
    private DateTimeOffset? _firstUnsnapshotted;

    /// <summary>Snapshot writes failed in a row (storage down): the next waits, twice as long each time up to a minute.</summary>
    private int _snapshotFailures;
    private DateTimeOffset _nextSnapshotAttempt;

    private int Shard => (int)this.GetPrimaryKeyLong();

    private Catalogue Catalogue => catalogues.Current;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _epoch = Epochs.New(time);
        _revision = catalogues.Revision;
        var catalogue = Catalogue;
        var started = Stopwatch.GetTimestamp();
        _ledger = new DossierLedger(catalogue);
        if (snapshot.State.Ledger is { } bytes)
        {
            using var stream = new MemoryStream(bytes, writable: false);
            _ledger = DossierLedger.ReadSnapshot(catalogue, stream);
            _lastApplied = snapshot.State.Sequence;
        }

        // Units rebuild from GetContributionAsync when they activate; what replay produces is not news.
        _ledger.RecordsDeltas = false;
        var replayed = 0;
        await foreach (var entry in journal.ReadShardAsync(Shard, _lastApplied, cancellationToken))
        {
            _ledger.Apply(EventParser.ParseStored(entry.Content, catalogue.TimeZone));
            _lastApplied = entry.Sequence;
            replayed++;
        }

        _nextSequence = _lastApplied + 1;
        _sinceSnapshot = replayed;
        _firstUnsnapshotted = replayed > 0 ? time.GetUtcNow() : null;

        _ledger.RecordsDeltas = true;

        // A unit that outlived this shard's previous activation (whose node died, say) still holds that activation's
        // counters, without the deltas it had not sent yet. The first flush tells each such unit about the new epoch
        // (an empty, non-live delta), so it re-reads this shard's whole contribution.
        foreach (var code in _ledger.Units)
        {
            var unit = UnitAt(_ledger.SlotOf(code));
            unit.Announce = true;
            Enqueue(unit);
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        LogActivated(Shard, _ledger.DossierCount, replayed, elapsed);

        _flushInterval = options.Value.FlushInterval;
        _flushTimer = this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(_flushInterval, _flushInterval) { KeepAlive = true });
        await base.OnActivateAsync(cancellationToken);
    }

    public Task EnsureLoadedAsync() => Task.CompletedTask;

    public async Task<IReadOnlyList<ItemVerdict>> IngestAsync(IReadOnlyList<IngestItem> items, IReadOnlyList<string>? scope)
    {
        FollowCatalogue();
        var verdicts = new ItemVerdict[items.Count];
        var entries = new List<JournalEntry>(items.Count);
        var positions = new List<int>(items.Count);
        var dossiers = new DossierHandle[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var e = item.Event;
            dossiers[i] = _ledger.Find(e.Dossier);
            var owner = dossiers[i].Owner;
            if (scope is not null && ScopeError(e.Unit, owner, scope) is { } outside)
            {
                verdicts[i] = new ItemVerdict(item.Index, Verdict.Rejected, "unit", outside);
                continue;
            }

            entries.Add(new JournalEntry(e.Id, Shard, _nextSequence++, e.Unit, owner ?? e.Unit, e.Dossier, item.ContentHash, item.Content));
            positions.Add(i);
        }

        if (entries.Count > 0)
        {
            IReadOnlyList<AppendOutcome> outcomes;
            try
            {
                outcomes = await journal.AppendAsync(entries);
            }
            catch (Exception ex) when (ex is StorageUnavailableException or OperationCanceledException or TimeoutException)
            {
                // The commit may have happened even though we were told it failed. A retry would then see only
                // duplicates and nothing would apply them here, so this activation steps aside and the next one
                // replays the journal, which knows.
                DeactivateOnIdle();
                throw;
            }

            if (outcomes.Contains(AppendOutcome.SequenceTaken))
            {
                // Another activation of this shard journaled past us: applying anything here could count it twice.
                LogStaleActivation(Shard);
                DeactivateOnIdle();
                throw new StorageUnavailableException("the ledger shard moved; retry the batch");
            }

            var now = time.GetUtcNow();
            var appended = 0;
            for (var k = 0; k < outcomes.Count; k++)
            {
                var i = positions[k];
                var item = items[i];
                switch (outcomes[k])
                {
                    case AppendOutcome.Appended:
                        appended++;
                        var slot = _ledger.Apply(item.Event, dossiers[i]);
                        _lastApplied = entries[k].Sequence;
                        CountActivity(UnitAt(slot), item.Event, now);
                        verdicts[i] = new ItemVerdict(item.Index, Verdict.Accepted);
                        break;
                    case AppendOutcome.Duplicate:
                        verdicts[i] = new ItemVerdict(item.Index, Verdict.Duplicate);
                        break;
                    default:
                        verdicts[i] = new ItemVerdict(item.Index, Verdict.Rejected, "id", IdConflict);
                        break;
                }
            }

            _appliedSinceFlush += appended;
            load.Applied(appended);
            _lastApplied = Math.Max(_lastApplied, _nextSequence - 1);
            _sinceSnapshot += entries.Count;
            _firstUnsnapshotted ??= now;
        }

        if (_sinceSnapshot >= options.Value.SnapshotEveryEvents && SnapshotMayBeTried())
        {
            await WriteSnapshotAsync();
        }

        return verdicts;
    }

    public Task<ShardContribution> GetContributionAsync(string unit)
    {
        FollowCatalogue();
        // The contribution includes every change applied so far, so whatever is still waiting in the outbox for
        // this unit is part of it; the bumped sequence makes any older delta in flight stale for the unit.
        DrainLedger();
        var reader = UnitAt(_ledger.SlotOf(unit));
        reader.Outbox = null;
        reader.Announce = false;
        var sequence = ++reader.SentSequence;
        _lastReread = time.GetUtcNow();
        return Task.FromResult(new ShardContribution(Shard, _epoch, sequence, _ledger.ContributionTo(unit)));
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        FollowCatalogue();
        DrainLedger();
        PaceFlushes();
        var keptFor = options.Value.TotalsKeptFor;
        if (_ledger.KeepsTotals && time.GetUtcNow() - _lastReread >= keptFor)
        {
            _ledger.DropTotals();
            LogTotalsDropped(Shard, keptFor);
        }

        if (_queue.Count == 0)
        {
            if (_firstUnsnapshotted is { } first && time.GetUtcNow() - first >= options.Value.SnapshotInterval && SnapshotMayBeTried())
            {
                await WriteSnapshotAsync();
            }

            return;
        }

        foreach (var unit in _queue)
        {
            unit.Queued = false;
            if (!unit.HasNews)
            {
                // A re-read took what it had since it was queued.
                continue;
            }

            // Only what this activation applied is live; an announcement of the epoch alone never raises a target.
            var hasActivity = unit.Activity is { IsEmpty: false };
            var live = unit.Outbox is not null || hasActivity;
            var counters = unit.Outbox ?? new CounterDelta();
            IReadOnlyList<ActivityCount> activity = hasActivity ? unit.Activity!.TakeCounts() : [];
            unit.Outbox = null;
            unit.Announce = false;
            dispatcher.Post(unit.Code, new ShardDelta(Shard, _epoch, ++unit.SentSequence, counters, activity, live));
        }

        _queue.Clear();
    }

    /// <summary>
    /// A shard that applied at least <see cref="LedgerOptions.BusyFlushEvents"/> events since its previous flush waits
    /// <see cref="LedgerOptions.BusyFlushInterval"/> before the next, otherwise <see cref="LedgerOptions.FlushInterval"/>
    /// (never less than that).
    /// Under such load a unit is sent its deltas at most once per its publication interval anyway (the dispatcher holds
    /// them), so flushing more often only makes more, smaller deltas: every flush sends one to the district and one to
    /// the root, whichever communes it carries. A surge does not slow flushes further: what an acknowledged event adds
    /// must reach its unit within api.md's second of freshness, and the dispatcher's surge spacing takes most of that.
    /// </summary>
    private void PaceFlushes()
    {
        var o = options.Value;
        var busy = _appliedSinceFlush >= o.BusyFlushEvents;
        var interval = busy && o.BusyFlushInterval > o.FlushInterval ? o.BusyFlushInterval : o.FlushInterval;
        _appliedSinceFlush = 0;
        if (interval != _flushInterval && _flushTimer is { } timer)
        {
            _flushInterval = interval;
            timer.Change(interval, interval);
        }
    }

    /// <summary>
    /// After the catalogue changed (units moved, procedures reassigned), rebuilds what the dossiers add to which units
    /// under the new tree. A new epoch tells every unit to re-read this shard instead of applying old deltas.
    /// </summary>
    private void FollowCatalogue()
    {
        if (catalogues.Revision == _revision)
        {
            return;
        }

        _revision = catalogues.Revision;
        using var stream = new MemoryStream();
        _ledger.WriteSnapshot(stream);
        stream.Position = 0;
        _ledger = DossierLedger.ReadSnapshot(Catalogue, stream);
        _epoch = Epochs.New(time);

        // The new ledger numbers its units anew: the records move to their new slots.
        var known = _units.OfType<ShardUnit>().ToList();
        _units.Clear();
        foreach (var unit in known)
        {
            unit.Outbox = null;
            unit.SentSequence = 0;
            var slot = _ledger.SlotOf(unit.Code);
            GrowTo(slot);
            _units[slot] = unit;
        }

        LogCatalogueFollowed(Shard, _revision);
    }

    private void DrainLedger()
    {
        _ledger.TakeDeltas(_taken);
        foreach (var (slot, delta) in _taken)
        {
            var unit = UnitAt(slot);
            if (unit.Outbox is { } pending)
            {
                pending.Append(delta);
                pending.Coalesce();
            }
            else
            {
                unit.Outbox = delta;
            }

            Enqueue(unit);
        }

        _taken.Clear();
    }

    private ShardUnit UnitAt(int slot)
    {
        GrowTo(slot);
        return _units[slot] ??= new ShardUnit(_ledger.UnitAt(slot));
    }

    private void GrowTo(int slot)
    {
        while (_units.Count <= slot)
        {
            _units.Add(null);
        }
    }

    private void Enqueue(ShardUnit unit)
    {
        if (!unit.Queued)
        {
            unit.Queued = true;
            _queue.Add(unit);
        }
    }

    private void CountActivity(ShardUnit unit, DossierEvent e, DateTimeOffset now)
    {
        var activity = unit.Activity ??= new UnitActivity(unit.Code);
        activity.Count(ActivityKind.Of(e), now);
        Enqueue(unit);
    }

    /// <summary>
    /// Why a key may not write this event, or null when it may. The field is "unit" either way (api.md), so the message
    /// names the unit outside the scope and says whether the event names it or the dossier counts for it now (an
    /// earlier receipt, perhaps from another system, put it there): the integrator cannot see the second.
    /// </summary>
    private string? ScopeError(string unit, string? owner, IReadOnlyList<string> scope)
    {
        var unitOutside = !InScope(unit, scope);
        var ownerOutside = owner is not null && owner != unit && !InScope(owner, scope);
        return (unitOutside, ownerOutside) switch
        {
            (true, true) => $"đơn vị '{unit}' của sự kiện và đơn vị '{owner}' mà hồ sơ đang thuộc đều nằm ngoài phạm vi của khóa",
            (true, false) => $"đơn vị '{unit}' của sự kiện nằm ngoài phạm vi của khóa",
            (false, true) => $"hồ sơ đang thuộc đơn vị '{owner}', nằm ngoài phạm vi của khóa",
            _ => null,
        };
    }

    private bool InScope(string unit, IReadOnlyList<string> scope)
    {
        foreach (var root in scope)
        {
            if (Catalogue.IsInSubtree(unit, root))
            {
                return true;
            }
        }

        return false;
    }

    private async Task WriteSnapshotAsync()
    {
        using var stream = new MemoryStream();
        _ledger.WriteSnapshot(stream);
        snapshot.State.Ledger = stream.ToArray();
        snapshot.State.Sequence = _lastApplied;
        try
        {
            await snapshot.WriteStateAsync();
            _sinceSnapshot = 0;
            _firstUnsnapshotted = null;
            LogSnapshotWritten(Shard, _lastApplied, snapshot.State.Ledger.Length);
            if (_snapshotFailures > 0)
            {
                LogSnapshotRecovered(Shard, _snapshotFailures);
                _snapshotFailures = 0;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A snapshot only shortens replay; the journal still has everything. With storage down, trying at every
            // flush (50 a second) logged three errors each time: 47 MB in a 20-second outage. The next attempt waits.
            _snapshotFailures++;
            var wait = SnapshotRetryDelay(_snapshotFailures);
            _nextSnapshotAttempt = time.GetUtcNow() + wait;
            if (_snapshotFailures == 1)
            {
                LogSnapshotFailed(ex, Shard, wait);
            }
            else
            {
                LogSnapshotStillFailing(Shard, _snapshotFailures, ex.Message, wait);
            }
        }
    }

    private bool SnapshotMayBeTried() => _snapshotFailures == 0 || time.GetUtcNow() >= _nextSnapshotAttempt;

    /// <summary>1 s after the first failure, doubling, at most a minute.</summary>
    internal static TimeSpan SnapshotRetryDelay(int failures) =>
        TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, Math.Min(failures - 1, 6))));
}
