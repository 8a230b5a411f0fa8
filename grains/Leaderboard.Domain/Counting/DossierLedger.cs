using System.Collections.ObjectModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Leaderboard.Domain.Events;

namespace Leaderboard.Domain.Counting;

/// <summary>
/// The state of the dossiers of one ledger shard and what they add to each unit's counters. Each accepted
/// event updates its dossier's facts; when that changes the dossier's contribution, the ledger adds the signed
/// difference to the owner unit's totals, and to the pending deltas of the owner and all its ancestors that
/// <see cref="TakeDeltas()"/> hands to the unit grains. Not thread-safe: owned by one grain.
/// </summary>
/// <remarks>
/// <para>
/// Totals are kept for owners only, not rolled up: they are read only when a unit re-reads the shard
/// (<see cref="ContributionTo"/>, rare), which sums the owners of the unit's subtree. Rolled-up totals cost three
/// updates per event instead of one, and made the districts' and the root's totals, in every shard, the largest and
/// most pointer-rich structures of the heap (every procedure × every day), which the GC kept tracing and promoting.
/// </para>
/// <para>
/// And they are kept only while someone reads them: the first re-read builds them in one pass over the dossiers,
/// later events keep them current, and <see cref="DropTotals"/> lets them go once the re-reads are over (the shard
/// drops them after a quiet spell). Re-reads come in bursts (units activating, a shard's new epoch), and between the
/// bursts the totals only cost: in the ingest benchmark the node spent about a fifth less CPU per event without them.
/// </para>
/// </remarks>
public sealed class DossierLedger
{
    private const byte SnapshotVersion = 1;

    private readonly Catalogue.Catalogue _catalogue;
    private readonly TimeZoneInfo _timeZone;
    /// <summary>The dossiers' codes, numbered in order of arrival; <see cref="_states"/> holds their states by number.</summary>
    private readonly DossierCodes _codes = new();
    private DossierState[] _states = new DossierState[64];

    /// <summary>Every unit this ledger met (in an event or a chain), by code; <see cref="_slots"/> has them by slot.</summary>
    private readonly Dictionary<string, LedgerUnit> _units = new(StringComparer.Ordinal);

    private readonly List<LedgerUnit> _slots = [];

    /// <summary>The same records by the identity of their code's string instance (open addressing, at most half full).</summary>
    private LedgerUnit?[] _byInstance = new LedgerUnit?[64];

    /// <summary>The units counted for so far (owners and their ancestors), in the order they were first counted.</summary>
    private readonly List<LedgerUnit> _counted = [];
    private readonly Dictionary<string, string> _unknownCodes = new(StringComparer.Ordinal);

    /// <summary>The units with a pending delta, in the order they got it.</summary>
    private readonly List<LedgerUnit> _touched = [];

    /// <summary>Whether the owners' totals are built and kept current (see the remarks).</summary>
    private bool _keepsTotals;

    public DossierLedger(Catalogue.Catalogue catalogue)
    {
        _catalogue = catalogue;
        _timeZone = catalogue.TimeZone;
    }

    /// <summary>
    /// Whether applied events add to the pending deltas (true by default). A shard replaying its journal turns it off:
    /// units re-read what replay rebuilt, so its deltas would only be built to be dropped.
    /// </summary>
    public bool RecordsDeltas { get; set; } = true;

    /// <summary>Dossiers this ledger knows, voided ones included.</summary>
    public int DossierCount => _codes.Count;

    /// <summary>Whether the owners' totals are kept now: built by the first <see cref="ContributionTo"/> after a <see cref="DropTotals"/>.</summary>
    public bool KeepsTotals => _keepsTotals;

    /// <summary>The unit the dossier counts for now, or null (unknown, voided, or neither receipt nor payment).</summary>
    public string? OwnerOf(string dossier) => Find(dossier).Owner;

    /// <summary>
    /// The dossier's state as it is now, to read its owner and then hand to <see cref="Apply(DossierEvent, DossierHandle)"/>
    /// after the event was journaled, so the dossier is looked up once rather than twice. Valid until this ledger is
    /// replaced; empty for a dossier not known yet.
    /// </summary>
    public DossierHandle Find(string dossier)
    {
        var number = _codes.Find(dossier);
        return number < 0 ? default : new DossierHandle(number, _states[number].Owner);
    }

    /// <summary>Every unit this ledger has ever counted something for (its own dossiers' units and their ancestors).</summary>
    public IEnumerable<string> Units => _counted.Select(u => u.Code);

    /// <summary>
    /// The slot of a unit, numbering it if it is new. Every unit the ledger meets (in an event, or as an ancestor) gets
    /// the next slot for the ledger's life, so a caller can keep its own per-unit records in a list by slot instead of
    /// a dictionary by code.
    /// </summary>
    public int SlotOf(string unit) => Met(unit).Slot;

    /// <summary>The code of the unit in a slot.</summary>
    public string UnitAt(int slot) => _slots[slot].Code;

    /// <summary>
    /// What this ledger's dossiers add to the unit's subtree now, in new counters the caller owns; empty when it has
    /// none. A leaf's are its own totals; a parent's, the sum of every owner whose chain holds it (a walk over this
    /// shard's units, which costs no memory for indexes that only these rare reads would use).
    /// </summary>
    public UnitCounters ContributionTo(string unit)
    {
        KeepTotals();
        if (!_units.TryGetValue(unit, out var target))
        {
            return new UnitCounters();
        }

        if (_catalogue.ChildrenOf(unit).Count == 0)
        {
            return target.OwnTotals?.Clone() ?? new UnitCounters();
        }

        var sum = new UnitCounters();
        foreach (var owner in _units.Values)
        {
            if (owner.OwnTotals is { } totals && owner.Chain is { } chain && Array.IndexOf(chain, target) >= 0)
            {
                sum.Add(totals);
            }
        }

        return sum;
    }

    /// <summary>Lets the owners' totals go until the next <see cref="ContributionTo"/> builds them again.</summary>
    public void DropTotals()
    {
        foreach (var unit in _slots)
        {
            unit.OwnTotals = null;
        }

        _keepsTotals = false;
    }

    /// <summary>Applies one accepted, new event, in arrival order; returns the slot of the event's unit.</summary>
    public int Apply(DossierEvent e) => Apply(e, default);

    /// <summary>
    /// Applies one accepted, new event, in arrival order, to the dossier <paramref name="known"/> found (looked up again
    /// when it was not known then); returns the slot of the event's unit.
    /// </summary>
    public int Apply(DossierEvent e, DossierHandle known)
    {
        var number = known.Number - 1;
        if (number < 0)
        {
            number = Dossier(e.Dossier, out _);
        }

        // A reference into the array: nothing below adds a dossier, so the array is not replaced meanwhile.
        ref var state = ref _states[number];

        // The event's unit, resolved once: its code is the shared instance the state keeps.
        var at = Met(e.Unit);
        if (state.Voided)
        {
            return at.Slot;
        }

        var before = state.Contribution();
        switch (e.Type)
        {
            case EventType.DossierReceived:
                Receive(ref state, e, at.Code);
                break;
            case EventType.DossierFinished:
                Finish(ref state, e);
                break;
            case EventType.DossierVoided:
                state.Void();
                break;
            case EventType.PaymentCompleted:
                Complete(ref state, e, at.Code);
                break;
            case EventType.PaymentRefunded:
                Refund(ref state, e);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(e), e.Type, "unknown event type");
        }

        var after = state.Contribution();
        if (before == after)
        {
            return at.Slot;
        }

        if (before.Unit is { } unit && string.Equals(unit, after.Unit, StringComparison.Ordinal))
        {
            // The dossier stays with its unit: only the indicators the event changed move.
            var chain = ChainOf(ReferenceEquals(unit, at.Code) ? at : Met(unit));
            if (_keepsTotals)
            {
                after.AddChangeFrom(before, TotalsOf(chain[0]));
            }

            if (RecordsDeltas)
            {
                foreach (var counted in chain)
                {
                    after.AddChangeFrom(before, PendingOf(counted));
                }
            }
        }
        else
        {
            Spread(before, -1);
            Spread(after, 1);
        }

        return at.Slot;
    }

    /// <summary>
    /// The signed deltas per unit code since the last call (rolled up to ancestors, no empty ones), then forgets them.
    /// The caller owns what it gets: the ledger starts new deltas.
    /// </summary>
    public IReadOnlyDictionary<string, CounterDelta> TakeDeltas()
    {
        if (_touched.Count == 0)
        {
            return ReadOnlyDictionary<string, CounterDelta>.Empty;
        }

        var taken = new List<(int Slot, CounterDelta Delta)>(_touched.Count);
        TakeDeltas(taken);
        return taken.ToDictionary(x => UnitAt(x.Slot), x => x.Delta, StringComparer.Ordinal);
    }

    /// <summary>
    /// The signed deltas since the last take, by unit slot (rolled up to ancestors, no empty ones), added to
    /// <paramref name="taken"/>; then forgets them. The caller owns what it gets: the ledger starts new deltas.
    /// </summary>
    public void TakeDeltas(List<(int Slot, CounterDelta Delta)> taken)
    {
        foreach (var counted in _touched)
        {
            if (counted.Pending is { } delta)
            {
                counted.PendingHint = delta.Count;
                delta.Coalesce();
                if (!delta.IsEmpty)
                {
                    taken.Add((counted.Slot, delta));
                }
            }

            counted.Pending = null;
        }

        _touched.Clear();
    }

    /// <summary>
    /// Writes every dossier's state: a version byte, a table of the unit, procedure and payment codes, then the
    /// dossiers in insertion order. Totals are not written: <see cref="ReadSnapshot"/> rebuilds them.
    /// </summary>
    public void WriteSnapshot(Stream stream)
    {
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        var strings = new List<string>();
        int Index(string? s)
        {
            if (s is null)
            {
                return 0;
            }

            if (!table.TryGetValue(s, out var i))
            {
                strings.Add(s);
                table[s] = i = strings.Count;
            }

            return i;
        }

        var states = _states.AsSpan(0, _codes.Count);
        foreach (ref readonly var state in states)
        {
            Index(state.ReceiptUnit);
            Index(state.Procedure);
            if (state.Payments is { } payments)
            {
                foreach (var p in payments)
                {
                    Index(p.Id);
                    Index(p.Unit);
                }
            }
        }

        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(SnapshotVersion);
        w.Write7BitEncodedInt(strings.Count);
        foreach (var s in strings)
        {
            w.Write(s);
        }

        w.Write7BitEncodedInt(states.Length);
        var utf8 = new byte[256];
        for (var number = 0; number < states.Length; number++)
        {
            // As BinaryWriter.Write(string) would write the code: its UTF-8 length, then the bytes.
            var code = _codes[number];
            var length = Encoding.UTF8.GetByteCount(code);
            if (length > utf8.Length)
            {
                utf8 = new byte[Math.Max(length, utf8.Length * 2)];
            }

            w.Write7BitEncodedInt(Encoding.UTF8.GetBytes(code, utf8));
            w.Write(utf8, 0, length);
            ref readonly var state = ref states[number];
            var flags = SnapshotFlags.None;
            flags |= state.Voided ? SnapshotFlags.Voided : 0;
            flags |= state.HasReceipt ? SnapshotFlags.Receipt : 0;
            flags |= state.FinishDay != DossierState.NoDay ? SnapshotFlags.Finished : 0;
            flags |= state.FinishDue != DossierState.NoDay ? SnapshotFlags.FinishDue : 0;
            flags |= state.Payments is { Length: > 0 } ? SnapshotFlags.Payments : 0;
            w.Write((byte)flags);
            if (state.HasReceipt)
            {
                w.Write7BitEncodedInt(Index(state.ReceiptUnit));
                w.Write7BitEncodedInt(Index(state.Procedure));
                w.Write((byte)state.Channel);
                w.Write(state.ReceiptTicks);
                w.Write7BitEncodedInt(state.ReceiptDay);
                w.Write7BitEncodedInt(state.ReceiptDue + 1);
            }

            if (state.FinishDay != DossierState.NoDay)
            {
                w.Write(state.FinishTicks);
                w.Write7BitEncodedInt(state.FinishDay);
            }

            if (state.FinishDue != DossierState.NoDay)
            {
                w.Write(state.FinishDueTicks);
                w.Write7BitEncodedInt(state.FinishDue);
            }

            if (state.Payments is { Length: > 0 } list)
            {
                w.Write7BitEncodedInt(list.Length);
                foreach (var p in list)
                {
                    w.Write7BitEncodedInt(Index(p.Id));
                    w.Write((byte)((p.Completed ? 1 : 0) | (p.Refunded ? 2 : 0)));
                    if (p.Completed)
                    {
                        w.Write7BitEncodedInt(Index(p.Unit));
                        w.Write(p.Ticks);
                        w.Write7BitEncodedInt(p.Day);
                        w.Write((byte)p.Method);
                    }
                }
            }
        }
    }

    /// <summary>Reads what <see cref="WriteSnapshot"/> wrote and rebuilds the owners' totals; nothing is pending afterwards.</summary>
    public static DossierLedger ReadSnapshot(Catalogue.Catalogue catalogue, Stream stream)
    {
        var ledger = new DossierLedger(catalogue);
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        var version = r.ReadByte();
        if (version != SnapshotVersion)
        {
            throw new InvalidDataException($"dossier ledger snapshot version {version} is not supported (expected {SnapshotVersion})");
        }

        var strings = new string?[r.Read7BitEncodedInt() + 1];
        for (var i = 1; i < strings.Length; i++)
        {
            strings[i] = ledger.Share(r.ReadString());
        }

        var count = r.Read7BitEncodedInt();
        ledger._codes.EnsureCapacity(count);
        ledger._states = new DossierState[Math.Max(count, 64)];
        for (var d = 0; d < count; d++)
        {
            var code = r.ReadString();
            var flags = (SnapshotFlags)r.ReadByte();
            var state = DossierState.New();
            state.Voided = (flags & SnapshotFlags.Voided) != 0;
            if ((flags & SnapshotFlags.Receipt) != 0)
            {
                state.ReceiptUnit = strings[r.Read7BitEncodedInt()];
                state.Procedure = strings[r.Read7BitEncodedInt()];
                state.Channel = (Channel)r.ReadByte();
                state.ReceiptTicks = r.ReadInt64();
                state.ReceiptDay = r.Read7BitEncodedInt();
                state.ReceiptDue = r.Read7BitEncodedInt() - 1;
            }

            if ((flags & SnapshotFlags.Finished) != 0)
            {
                state.FinishTicks = r.ReadInt64();
                state.FinishDay = r.Read7BitEncodedInt();
            }

            if ((flags & SnapshotFlags.FinishDue) != 0)
            {
                state.FinishDueTicks = r.ReadInt64();
                state.FinishDue = r.Read7BitEncodedInt();
            }

            if ((flags & SnapshotFlags.Payments) != 0)
            {
                var payments = new PaymentState[r.Read7BitEncodedInt()];
                for (var i = 0; i < payments.Length; i++)
                {
                    ref var p = ref payments[i];
                    p.Id = strings[r.Read7BitEncodedInt()] ?? throw new InvalidDataException("payment without id");
                    var pf = r.ReadByte();
                    p.Completed = (pf & 1) != 0;
                    p.Refunded = (pf & 2) != 0;
                    if (p.Completed)
                    {
                        p.Unit = strings[r.Read7BitEncodedInt()];
                        p.Ticks = r.ReadInt64();
                        p.Day = r.Read7BitEncodedInt();
                        p.Method = (PaymentMethod)r.ReadByte();
                    }
                }

                state.Payments = payments;
            }

            ledger._states[ledger.Dossier(code, out var added)] = added
                ? state
                : throw new InvalidDataException($"dossier ledger snapshot holds dossier '{code}' twice");
            if (state.Contribution() is { Unit: { } unit })
            {
                // Resolving the chain counts the unit and its ancestors (see Units), as applying the events did; the
                // totals wait for the first re-read.
                ledger.ChainOf(ledger.Met(unit));
            }
        }

        return ledger;
    }

    private void Receive(ref DossierState state, DossierEvent e, string unit)
    {
        var ticks = e.OccurredAt.UtcTicks;
        if (state.HasReceipt && ticks < state.ReceiptTicks)
        {
            return;
        }

        state.ReceiptUnit = unit;
        state.Procedure = e.Procedure is null ? null : InternProcedure(e.Procedure);
        state.Channel = e.Channel ?? Channel.Direct;
        state.ReceiptTicks = ticks;
        state.ReceiptDay = DayOf(e.OccurredAt);
        state.ReceiptDue = e.DueDate?.DayNumber ?? DossierState.NoDay;
    }

    private void Finish(ref DossierState state, DossierEvent e)
    {
        var ticks = e.OccurredAt.UtcTicks;
        if (state.FinishDay == DossierState.NoDay || ticks >= state.FinishTicks)
        {
            state.FinishTicks = ticks;
            state.FinishDay = DayOf(e.OccurredAt);
        }

        if (e.DueDate is { } due && (state.FinishDue == DossierState.NoDay || ticks >= state.FinishDueTicks))
        {
            state.FinishDueTicks = ticks;
            state.FinishDue = due.DayNumber;
        }
    }

    private void Complete(ref DossierState state, DossierEvent e, string unit)
    {
        var id = e.Payment ?? throw new ArgumentException("payment.completed without a payment id", nameof(e));
        var ticks = e.OccurredAt.UtcTicks;
        var i = state.FindPayment(id);
        if (i < 0)
        {
            i = state.AppendPayment(new PaymentState { Id = id });
        }
        else if (!state.Payments![i].Completed)
        {
            // Known only from an early refund: it takes its place in arrival order now.
            state.MoveToEnd(i);
            i = state.Payments.Length - 1;
        }
        else if (ticks < state.Payments[i].Ticks)
        {
            return;
        }

        ref var p = ref state.Payments![i];
        p.Completed = true;
        p.Unit = unit;
        p.Ticks = ticks;
        p.Day = DayOf(e.OccurredAt);
        p.Method = e.Method ?? PaymentMethod.Cash;
    }

    private static void Refund(ref DossierState state, DossierEvent e)
    {
        var id = e.Payment ?? throw new ArgumentException("payment.refunded without a payment id", nameof(e));
        var i = state.FindPayment(id);
        if (i < 0)
        {
            state.AppendPayment(new PaymentState { Id = id, Refunded = true });
        }
        else
        {
            state.Payments![i].Refunded = true;
        }
    }

    /// <summary>Adds <paramref name="sign"/> × the contribution to its unit's totals and to the pending deltas of its unit and ancestors.</summary>
    private void Spread(Contribution contribution, int sign)
    {
        if (contribution.Unit is not { } unit)
        {
            return;
        }

        var chain = ChainOf(Met(unit));
        if (_keepsTotals)
        {
            contribution.AddTo(TotalsOf(chain[0]), sign);
        }

        if (RecordsDeltas)
        {
            foreach (var counted in chain)
            {
                contribution.AddTo(PendingOf(counted), sign);
            }
        }
    }

    /// <summary>The unit, then its ancestors up to the root; counted from now on (see <see cref="Units"/>).</summary>
    private LedgerUnit[] ChainOf(LedgerUnit unit)
    {
        if (unit.Chain is { } chain)
        {
            return chain;
        }

        var ancestors = _catalogue.AncestorsOf(unit.Code);
        chain = new LedgerUnit[ancestors.Count + 1];
        chain[0] = Counting(unit);
        for (var i = 0; i < ancestors.Count; i++)
        {
            chain[i + 1] = Counting(Met(ancestors[i]));
        }

        return unit.Chain = chain;
    }

    /// <summary>The ledger's record of a unit, numbered in the next slot the first time (its code shared, see <see cref="Intern"/>).</summary>
    private LedgerUnit Met(string unit)
    {
        // Events parsed on this node carry the catalogue's own instance of the code, the one the record keeps: found
        // by reference, without hashing the characters or reading the dictionary's arrays.
        var mask = _byInstance.Length - 1;
        var slot = RuntimeHelpers.GetHashCode(unit) & mask;
        for (var probe = _byInstance[slot]; probe is not null; probe = _byInstance[slot = (slot + 1) & mask])
        {
            if (ReferenceEquals(probe.Code, unit))
            {
                return probe;
            }
        }

        ref var met = ref CollectionsMarshal.GetValueRefOrAddDefault(_units, unit, out var exists);
        if (!exists)
        {
            met = new LedgerUnit(Intern(unit), _slots.Count);
            _slots.Add(met);
            if (_slots.Count * 2 > _byInstance.Length)
            {
                IndexInstances(_byInstance.Length * 2);
            }
            else
            {
                PlaceInstance(met);
            }
        }

        return met!;
    }

    /// <summary>Rebuilds the table of records by their code's instance with room for <paramref name="size"/> slots.</summary>
    private void IndexInstances(int size)
    {
        _byInstance = new LedgerUnit?[size];
        foreach (var unit in _slots)
        {
            PlaceInstance(unit);
        }
    }

    private void PlaceInstance(LedgerUnit unit)
    {
        var mask = _byInstance.Length - 1;
        var slot = RuntimeHelpers.GetHashCode(unit.Code) & mask;
        while (_byInstance[slot] is not null)
        {
            slot = (slot + 1) & mask;
        }

        _byInstance[slot] = unit;
    }

    /// <summary>A dossier's number; a new dossier is numbered and its state started (<paramref name="added"/>).</summary>
    private int Dossier(string code, out bool added)
    {
        var number = _codes.GetOrAdd(code, out added);
        if (added)
        {
            if (number == _states.Length)
            {
                Array.Resize(ref _states, _states.Length * 2);
            }

            _states[number] = DossierState.New();
        }

        return number;
    }

    private static UnitCounters TotalsOf(LedgerUnit owner) => owner.OwnTotals ??= new UnitCounters();

    /// <summary>Builds the owners' totals from the dossiers, unless they are kept already; from then on events keep them current.</summary>
    private void KeepTotals()
    {
        if (_keepsTotals)
        {
            return;
        }

        LedgerUnit? last = null;
        foreach (ref readonly var state in _states.AsSpan(0, _codes.Count))
        {
            if (state.Contribution() is { Unit: { } unit } contribution)
            {
                // Dossiers of one unit share its code's instance: most steps skip the look-up.
                if (!ReferenceEquals(last?.Code, unit))
                {
                    last = ChainOf(Met(unit))[0];
                }

                contribution.AddTo(TotalsOf(last), 1);
            }
        }

        _keepsTotals = true;
    }

    private LedgerUnit Counting(LedgerUnit unit)
    {
        if (!unit.IsCounted)
        {
            unit.IsCounted = true;
            _counted.Add(unit);
        }

        return unit;
    }

    private CounterDelta PendingOf(LedgerUnit counted)
    {
        if (counted.Pending is not { } pending)
        {
            // Sized for what the unit gathered last time: a busy unit's list is allocated once per take, not
            // doubled up from four entries (the district's and the root's gather from every event of the shard).
            counted.Pending = pending = new CounterDelta(counted.PendingHint);
            _touched.Add(counted);
        }

        return pending;
    }

    /// <summary>The catalogue's instance of a unit or procedure code when it has one (the snapshot's table already shares the rest).</summary>
    private string Share(string code) => _catalogue.FindUnit(code)?.Code ?? _catalogue.FindProcedure(code)?.Code ?? code;

    private int DayOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, _timeZone).DateTime).DayNumber;

    /// <summary>One string instance per procedure code, so that millions of states share them.</summary>
    private string InternProcedure(string code) => _catalogue.FindProcedure(code)?.Code ?? Intern(code);

    /// <summary>One string instance per unit or procedure code, so that millions of states share them.</summary>
    private string Intern(string code)
    {
        if (_catalogue.FindUnit(code) is { } unit)
        {
            return unit.Code;
        }

        if (_catalogue.FindProcedure(code) is { } procedure)
        {
            return procedure.Code;
        }

        if (!_unknownCodes.TryGetValue(code, out var shared))
        {
            _unknownCodes[code] = shared = code;
        }

        return shared;
    }
}
