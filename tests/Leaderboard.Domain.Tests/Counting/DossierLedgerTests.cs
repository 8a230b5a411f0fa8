using Leaderboard.Domain.Counting;
using Leaderboard.Domain.Events;
using Leaderboard.Domain.Tests.Support;
using DomainCatalogue = Leaderboard.Domain.Catalogue.Catalogue;

namespace Leaderboard.Domain.Tests.Counting;

public sealed class DossierLedgerTests
{
    private const string Vet = SampleOrg.Veterinary;
    private const string Plants = SampleOrg.Plants;
    private const string Dept = SampleOrg.Department;
    private const string Province = SampleOrg.Province;
    private const string Dossier = "000.07.12.H37-240610-0001";
    private const string Animals = "9.000101";

    private readonly DomainCatalogue _catalogue = SampleOrg.NewCatalogue();
    private readonly EventFactory _ev = new();
    private readonly DossierLedger _ledger;

    public DossierLedgerTests()
    {
        _ledger = new DossierLedger(_catalogue);
    }

    private static int D(int month, int day) => new DateOnly(2024, month, day).DayNumber;

    /// <summary>usage, payment, dossier, on-time as (numerator, denominator) pairs.</summary>
    private static WindowCounts W(long un, long ud, long pn, long pd, long dn, long dd, long on, long od) =>
        new(new(un, ud), new(pn, pd), new(dn, dd), new(on, od));

    private WindowCounts Counts(string unit, string from = "2024-06-06", string to = "2024-12-31") =>
        _ledger.ContributionTo(unit).Count(EventFactory.Day(from), EventFactory.Day(to), _catalogue.OnlineProceduresOfSubtree(unit));

    private void Apply(params DossierEvent[] events)
    {
        foreach (var e in events)
        {
            _ledger.Apply(e);
        }
    }

    [Fact]
    public void An_online_receipt_counts_for_its_unit_and_every_ancestor()
    {
        Apply(_ev.Received(Dossier, Vet, Animals, Channel.Online, "2024-06-10T08:00:00+07:00"));

        Assert.Equal(W(1, 4, 0, 0, 1, 1, 0, 0), Counts(Vet));
        Assert.Equal(W(1, 17, 0, 0, 1, 1, 0, 0), Counts(Dept));
        Assert.Equal(W(1, 17, 0, 0, 1, 1, 0, 0), Counts(Province));
        Assert.Equal(W(0, 4, 0, 0, 0, 0, 0, 0), Counts(Plants));
        Assert.Equal(Vet, _ledger.OwnerOf(Dossier));
        Assert.Null(_ledger.OwnerOf("unknown"));

        var deltas = _ledger.TakeDeltas();
        Assert.Equal([Province, Dept, Vet], deltas.Keys.Order(StringComparer.Ordinal));
        CounterEntry[] expected = [new(CounterKind.OnlineDossier, D(6, 10), null, 1, 1), new(CounterKind.OnlineReceipt, D(6, 10), Animals, 1, 0)];
        Assert.All(deltas.Values, d => Assert.Equal(expected, d.Export()));
        Assert.Empty(_ledger.TakeDeltas());
    }

    [Fact]
    public void Without_recording_deltas_the_totals_still_change_and_nothing_is_pending()
    {
        _ledger.RecordsDeltas = false;
        Apply(_ev.Received(Dossier, Vet, Animals, Channel.Online, "2024-06-10T08:00:00+07:00"));
        _ledger.RecordsDeltas = true;

        Assert.Equal(W(1, 4, 0, 0, 1, 1, 0, 0), Counts(Vet));
        Assert.Empty(_ledger.TakeDeltas());
    }

    [Fact]
    public void Deltas_coalesce_per_unit_between_takes()
    {
        Apply(
            _ev.Received("a", Vet, Animals, Channel.Online, "2024-06-10T08:00:00+07:00"),
            _ev.Received("b", Vet, Animals, Channel.Direct, "2024-06-10T09:00:00+07:00"),
            _ev.Received("c", Vet, Animals, Channel.Online, "2024-06-10T10:00:00+07:00"));

        var deltas = _ledger.TakeDeltas();

        Assert.Equal(
            [new(CounterKind.OnlineDossier, D(6, 10), null, 2, 3), new(CounterKind.OnlineReceipt, D(6, 10), Animals, 2, 0)],
            deltas[Vet].Export());
        Assert.Equal(3, _ledger.DossierCount);
    }

    [Fact]
    public void A_later_receipt_corrects_the_dossier_without_counting_it_twice()
    {
        Apply(_ev.Received(Dossier, Vet, Animals, Channel.Direct, "2024-06-10T08:00:00+07:00"));
        Assert.Equal(W(0, 4, 0, 0, 0, 1, 0, 0), Counts(Vet));
        _ledger.TakeDeltas();

        Apply(_ev.Received(Dossier, Vet, Animals, Channel.Online, "2024-06-10T09:00:00+07:00"));

        Assert.Equal(W(1, 4, 0, 0, 1, 1, 0, 0), Counts(Vet));
        Assert.Equal(
            [new(CounterKind.OnlineDossier, D(6, 10), null, 1, 0), new(CounterKind.OnlineReceipt, D(6, 10), Animals, 1, 0)],
            _ledger.TakeDeltas()[Vet].Export());
    }

    [Fact]
    public void An_earlier_receipt_arriving_later_does_not_hold()
    {
        Apply(_ev.Received(Dossier, Vet, Animals, Channel.Online, "2024-06-10T09:00:00+07:00"));
        _ledger.TakeDeltas();

        Apply(_ev.Received(Dossier, Vet, Animals, Channel.Direct, "2024-06-10T08:59:59+07:00"));

        Assert.Empty(_ledger.TakeDeltas());
        Assert.Equal(W(1, 4, 0, 0, 1, 1, 0, 0), Counts(Vet));
    }

    [Fact]
    public void On_an_occurredAt_tie_the_last_receipt_to_arrive_holds()
    {
        var direct = _ev.Received(Dossier, Vet, Animals, Channel.Direct, "2024-06-10T08:00:00+07:00");
        Apply(direct, _ev.Received(Dossier, Vet, Animals, Channel.Online, "2024-06-10T01:00:00Z"));
        Assert.Equal(W(1, 4, 0, 0, 1, 1, 0, 0), Counts(Vet));

        Apply(_ev.Again(direct));

        Assert.Equal(W(0, 4, 0, 0, 0, 1, 0, 0), Counts(Vet));
    }

    [Fact]
    public void A_correction_moves_the_receipt_day()
    {
        Apply(
            _ev.Received(Dossier, Vet, Animals, Channel.Online, "2024-06-10T08:00:00+07:00"),
            _ev.Received(Dossier, Vet, Animals, Channel.Online, "2024-06-12T08:00:00+07:00"));

        Assert.Equal(W(0, 4, 0, 0, 0, 0, 0, 0), Counts(Vet, to: "2024-06-11"));
        Assert.Equal(W(1, 4, 0, 0, 1, 1, 0, 0), Counts(Vet, to: "2024-06-12"));
        Assert.Equal(
            [new(CounterKind.OnlineDossier, D(6, 12), null, 1, 1), new(CounterKind.OnlineReceipt, D(6, 12), Animals, 1, 0)],
            _ledger.TakeDeltas()[Vet].Export());
    }

    [Fact]
    public void A_correction_to_another_unit_moves_every_count_and_leaves_common_ancestors_untouched()
    {
        Apply(
            _ev.Received(Dossier, Vet, Animals, Channel.Online, "2024-06-10T08:00:00+07:00", due: "2024-06-20"),
            _ev.Paid(Dossier, Vet, "P1", PaymentMethod.Online, "2024-06-10T09:00:00+07:00"),
            _ev.Finished(Dossier, Vet, "2024-06-15T10:00:00+07:00"));
        Assert.Equal(W(1, 4, 1, 1, 1, 1, 1, 1), Counts(Vet));
        _ledger.TakeDeltas();

        Apply(_ev.Received(Dossier, Plants, Animals, Channel.Online, "2024-06-10T10:00:00+07:00", due: "2024-06-20"));

        Assert.Equal(Plants, _ledger.OwnerOf(Dossier));
        Assert.Equal(W(0, 4, 0, 0, 0, 0, 0, 0), Counts(Vet));
        // 9.000101 is not assigned to Plants: its receipt still counts there, just not towards Plants' usage.
        Assert.Equal(W(0, 4, 1, 1, 1, 1, 1, 1), Counts(Plants));
        Assert.Equal(W(1, 17, 1, 1, 1, 1, 1, 1), Counts(Dept));
        Assert.Equal(W(1, 17, 1, 1, 1, 1, 1, 1), Counts(Province));

        var deltas = _ledger.TakeDeltas();
        Assert.Equal([Plants, Vet], deltas.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(
            [
                new(CounterKind.OnlineDossier, D(6, 10), null, -1, -1),
                new(CounterKind.OnlinePayment, D(6, 10), null, -1, -1),
                new(CounterKind.OnTime, D(6, 15), null, -1, -1),
                new(CounterKind.OnlineReceipt, D(6, 10), Animals, -1, 0),
            ],
            deltas[Vet].Export());
        Assert.Equal(
            [
                new(CounterKind.OnlineDossier, D(6, 10), null, 1, 1),
                new(CounterKind.OnlinePayment, D(6, 10), null, 1, 1),
                new(CounterKind.OnTime, D(6, 15), null, 1, 1),
                new(CounterKind.OnlineReceipt, D(6, 10), Animals, 1, 0),
            ],
            deltas[Plants].Export());
    }

    [Fact]
    public void A_move_to_another_procedure_changes_the_ancestors_usage_only()
    {
        Apply(_ev.Received(Dossier, Vet, Animals, Channel.Online, "2024-06-10T08:00:00+07:00"));
        _ledger.TakeDeltas();

        Apply(_ev.Received(Dossier, Plants, "9.000202", Channel.Online, "2024-06-10T10:00:00+07:00"));

        Assert.Equal(W(1, 4, 0, 0, 1, 1, 0, 0), Counts(Plants));
        Assert.Equal(W(1, 17, 0, 0, 1, 1, 0, 0), Counts(Dept));
        Assert.Equal(
            [new(CounterKind.OnlineReceipt, D(6, 10), Animals, -1, 0), new(CounterKind.OnlineReceipt, D(6, 10), "9.000202", 1, 0)],
            _ledger.TakeDeltas()[Dept].Export());
    }

    [Fact]
    public void A_payment_before_its_receipt_counts_for_the_payment_unit_then_follows_the_receipt()
    {
        Apply(_ev.Paid(Dossier, Vet, "P1", PaymentMethod.Online, "2024-06-09T09:00:00+07:00"));

        Assert.Equal(Vet, _ledger.OwnerOf(Dossier));
        Assert.Equal(W(0, 4, 1, 1, 0, 0, 0, 0), Counts(Vet));
        Assert.Equal(W(0, 17, 1, 1, 0, 0, 0, 0), Counts(Dept));

        Apply(_ev.Received(Dossier, Plants, "9.000202", Channel.Direct, "2024-06-10T08:00:00+07:00"));

        Assert.Equal(Plants, _ledger.OwnerOf(Dossier));
        Assert.Equal(W(0, 4, 0, 0, 0, 0, 0, 0), Counts(Vet));
        Assert.Equal(W(0, 4, 1, 1, 0, 1, 0, 0), Counts(Plants));
        // The payment stays anchored on its own day.
        Assert.Equal(W(0, 4, 0, 0, 0, 1, 0, 0), Counts(Plants, from: "2024-06-10"));
    }

    [Fact]
    public void Before_any_receipt_the_earliest_payment_names_the_unit()
    {
        Apply(
            _ev.Paid(Dossier, Plants, "P1", PaymentMethod.Cash, "2024-06-10T10:00:00+07:00"),
            _ev.Paid(Dossier, Vet, "P2", PaymentMethod.Online, "2024-06-10T09:00:00+07:00"));

        Assert.Equal(Vet, _ledger.OwnerOf(Dossier));
        // One dossier, paid online by one of its payments, anchored on the earliest.
        Assert.Equal(W(0, 4, 1, 1, 0, 0, 0, 0), Counts(Vet));
        Assert.Equal(W(0, 4, 0, 0, 0, 0, 0, 0), Counts(Plants));
    }

    [Fact]
    public void Between_payments_at_the_same_instant_the_first_to_arrive_names_the_unit_even_when_resent()
    {
        var p1 = _ev.Paid(Dossier, Plants, "P1", PaymentMethod.Cash, "2024-06-10T09:00:00+07:00");
        var p2 = _ev.Paid(Dossier, Vet, "P2", PaymentMethod.Cash, "2024-06-10T02:00:00Z");
        Apply(p1, p2);
        Assert.Equal(Plants, _ledger.OwnerOf(Dossier));
        _ledger.TakeDeltas();

        Apply(_ev.Again(p1), _ev.Again(p2));

        Assert.Equal(Plants, _ledger.OwnerOf(Dossier));
        Assert.Empty(_ledger.TakeDeltas());

        // P1 corrected to a later instant: P2 is now the earliest.
        Apply(_ev.Paid(Dossier, Plants, "P1", PaymentMethod.Cash, "2024-06-10T11:00:00+07:00"));

        Assert.Equal(Vet, _ledger.OwnerOf(Dossier));
        Assert.Equal(W(0, 4, 0, 1, 0, 0, 0, 0), Counts(Vet));
        Assert.Equal(W(0, 4, 0, 0, 0, 0, 0, 0), Counts(Plants));
    }

    [Fact]
    public void A_refund_removes_the_payment_and_the_next_one_anchors_the_dossier()
    {
        Apply(
            _ev.Received(Dossier, Vet, Animals, Channel.Online, "2024-06-10T08:00:00+07:00"),
            _ev.Paid(Dossier, Vet, "P1", PaymentMethod.Online, "2024-06-10T09:00:00+07:00"));
        _ledger.TakeDeltas();

        Apply(_ev.Refunded(Dossier, Vet, "P1", "2024-06-11T09:00:00+07:00"));

        Assert.Equal([new(CounterKind.OnlinePayment, D(6, 10), null, -1, -1)], _ledger.TakeDeltas()[Vet].Export());
        Assert.Equal(W(1, 4, 0, 0, 1, 1, 0, 0), Counts(Vet));

        Apply(_ev.Paid(Dossier, Vet, "P2", PaymentMethod.Cash, "2024-06-12T09:00:00+07:00"));

        Assert.Equal(W(1, 4, 0, 0, 1, 1, 0, 0), Counts(Vet, to: "2024-06-11"));
        Assert.Equal(W(1, 4, 0, 1, 1, 1, 0, 0), Counts(Vet, to: "2024-06-12"));
    }

    [Fact]
    public void A_dossier_whose_payments_are_all_refunded_leaves_both_sides_of_online_payment()
    {
        Apply(
            _ev.Received(Dossier, Vet, Animals, Channel.Direct, "2024-06-10T08:00:00+07:00"),
            _ev.Paid(Dossier, Vet, "P1", PaymentMethod.Online, "2024-06-10T09:00:00+07:00"),
            _ev.Paid(Dossier, Vet, "P2", PaymentMethod.Cash, "2024-06-10T09:30:00+07:00"));
        Assert.Equal(W(0, 4, 1, 1, 0, 1, 0, 0), Counts(Vet));

        Apply(_ev.Refunded(Dossier, Vet, "P1", "2024-06-11T08:00:00+07:00"));
        Assert.Equal(W(0, 4, 0, 1, 0, 1, 0, 0), Counts(Vet));

        Apply(_ev.Refunded(Dossier, Vet, "P2", "2024-06-11T08:00:00+07:00"), _ev.Refunded(Dossier, Vet, "P2", "2024-06-11T08:00:00+07:00"));
        Assert.Equal(W(0, 4, 0, 0, 0, 1, 0, 0), Counts(Vet));
    }

    [Fact]
    public void A_refund_before_its_payment_is_kept_and_the_payment_arrives_already_refunded()
    {
        Apply(_ev.Refunded(Dossier, Vet, "P1", "2024-06-10T10:00:00+07:00"));

        Assert.Null(_ledger.OwnerOf(Dossier));
        Assert.Empty(_ledger.TakeDeltas());
        Assert.Equal(1, _ledger.DossierCount);

        Apply(_ev.Paid(Dossier, Vet, "P1", PaymentMethod.Online, "2024-06-10T09:00:00+07:00"));

        Assert.Equal(Vet, _ledger.OwnerOf(Dossier));
        Assert.Empty(_ledger.TakeDeltas());
        Assert.Equal(W(0, 4, 0, 0, 0, 0, 0, 0), Counts(Vet));

        // A later completion of the same payment id is still refunded; another payment counts.
        Apply(
            _ev.Paid(Dossier, Vet, "P1", PaymentMethod.Online, "2024-06-10T09:05:00+07:00"),
            _ev.Paid(Dossier, Vet, "P2", PaymentMethod.Transfer, "2024-06-11T09:00:00+07:00"));
        Assert.Equal(W(0, 4, 0, 1, 0, 0, 0, 0), Counts(Vet));
    }

    [Fact]
    public void The_latest_completion_of_one_payment_holds_and_a_tie_goes_to_the_last_to_arrive()
    {
        Apply(
            _ev.Received(Dossier, Vet, Animals, Channel.Direct, "2024-06-09T08:00:00+07:00"),
            _ev.Paid(Dossier, Vet, "P1", PaymentMethod.Cash, "2024-06-10T09:00:00+07:00"),
            _ev.Paid(Dossier, Vet, "P1", PaymentMethod.Online, "2024-06-11T09:00:00+07:00"));
        Assert.Equal(W(0, 4, 0, 0, 0, 1, 0, 0), Counts(Vet, to: "2024-06-10"));
        Assert.Equal(W(0, 4, 1, 1, 0, 1, 0, 0), Counts(Vet));
        _ledger.TakeDeltas();

        Apply(_ev.Paid(Dossier, Vet, "P1", PaymentMethod.Cash, "2024-06-09T09:00:00+07:00"));
        Assert.Empty(_ledger.TakeDeltas());

        Apply(_ev.Paid(Dossier, Vet, "P1", PaymentMethod.Cash, "2024-06-11T02:00:00Z"));
        Assert.Equal(W(0, 4, 0, 1, 0, 1, 0, 0), Counts(Vet));
        Assert.Equal([new(CounterKind.OnlinePayment, D(6, 11), null, -1, 0)], _ledger.TakeDeltas()[Vet].Export());
    }

    [Fact]
    public void A_voided_dossier_leaves_every_count_for_good()
    {
        Apply(
            _ev.Received(Dossier, Vet, Animals, Channel.Online, "2024-06-10T08:00:00+07:00", due: "2024-06-20"),
            _ev.Paid(Dossier, Vet, "P1", PaymentMethod.Online, "2024-06-10T09:00:00+07:00"),
            _ev.Finished(Dossier, Vet, "2024-06-12T09:00:00+07:00"));
        _ledger.TakeDeltas();

        Apply(_ev.Voided(Dossier, Vet, "2024-06-13T09:00:00+07:00"));

        Assert.Null(_ledger.OwnerOf(Dossier));
        foreach (var unit in new[] { Vet, Dept, Province })
        {
            Assert.Equal(W(0, _catalogue.OnlineProceduresOfSubtree(unit).Count, 0, 0, 0, 0, 0, 0), Counts(unit));
        }

        var deltas = _ledger.TakeDeltas();
        Assert.Equal([Province, Dept, Vet], deltas.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(
            [
                new(CounterKind.OnlineDossier, D(6, 10), null, -1, -1),
                new(CounterKind.OnlinePayment, D(6, 10), null, -1, -1),
                new(CounterKind.OnTime, D(6, 12), null, -1, -1),
                new(CounterKind.OnlineReceipt, D(6, 10), Animals, -1, 0),
            ],
            deltas[Province].Export());

        Apply(
            _ev.Received(Dossier, Vet, Animals, Channel.Online, "2024-06-14T08:00:00+07:00"),
            _ev.Paid(Dossier, Vet, "P2", PaymentMethod.Online, "2024-06-14T09:00:00+07:00"),
            _ev.Finished(Dossier, Vet, "2024-06-14T10:00:00+07:00", due: "2024-06-20"));

        Assert.Empty(_ledger.TakeDeltas());
        Assert.Null(_ledger.OwnerOf(Dossier));
        Assert.Equal(1, _ledger.DossierCount);
    }

    [Fact]
    public void A_dossier_voided_before_anything_else_never_counts()
    {
        Apply(
            _ev.Voided(Dossier, Vet, "2024-06-09T09:00:00+07:00"),
            _ev.Received(Dossier, Vet, Animals, Channel.Online, "2024-06-10T08:00:00+07:00"));

        Assert.Empty(_ledger.TakeDeltas());
        Assert.True(_ledger.ContributionTo(Vet).IsEmpty);
    }

    [Fact]
    public void The_holding_receipts_due_date_wins_over_a_finishes()
    {
        Apply(
            _ev.Received(Dossier, Vet, Animals, Channel.Online, "2024-06-10T08:00:00+07:00", due: "2024-06-15"),
            _ev.Finished(Dossier, Vet, "2024-06-18T08:00:00+07:00", due: "2024-06-20"));

        Assert.Equal(new IndicatorCounts(0, 1), Counts(Vet).OnTime);
        Assert.Equal([new(CounterKind.OnTime, D(6, 18), null, 0, 1)], _ledger.ContributionTo(Vet).Export().Where(e => e.Kind == CounterKind.OnTime));

        // A later receipt without a due date: the finish's due date now applies.
        Apply(_ev.Received(Dossier, Vet, Animals, Channel.Online, "2024-06-10T09:00:00+07:00"));

        Assert.Equal(new IndicatorCounts(1, 1), Counts(Vet).OnTime);
    }

    [Fact]
    public void Without_a_receipt_due_date_the_latest_finish_that_has_one_decides()
    {
        Apply(
            _ev.Received(Dossier, Vet, Animals, Channel.Online, "2024-06-10T08:00:00+07:00"),
            _ev.Finished(Dossier, Vet, "2024-06-18T08:00:00+07:00"));
        Assert.Equal(new IndicatorCounts(0, 0), Counts(Vet).OnTime);

        Apply(_ev.Finished(Dossier, Vet, "2024-06-18T09:00:00+07:00", due: "2024-06-20"));
        Assert.Equal(new IndicatorCounts(1, 1), Counts(Vet).OnTime);

        Apply(_ev.Finished(Dossier, Vet, "2024-06-19T09:00:00+07:00", due: "2024-06-17"));
        Assert.Equal(new IndicatorCounts(0, 1), Counts(Vet).OnTime);
        _ledger.TakeDeltas();

        // Older finishes arriving late change nothing, with or without a due date.
        Apply(
            _ev.Finished(Dossier, Vet, "2024-06-16T09:00:00+07:00", due: "2024-06-25"),
            _ev.Finished(Dossier, Vet, "2024-06-17T09:00:00+07:00"));
        Assert.Empty(_ledger.TakeDeltas());

        // A finish at the same instant without a due date holds as the finish; the due date stays the latest one given.
        Apply(_ev.Finished(Dossier, Vet, "2024-06-19T02:00:00Z"));
        Assert.Empty(_ledger.TakeDeltas());
        Assert.Equal([new(CounterKind.OnTime, D(6, 19), null, 0, 1)], _ledger.ContributionTo(Vet).Export().Where(e => e.Kind == CounterKind.OnTime));
    }

    [Fact]
    public void A_finish_at_23_00_local_on_the_due_date_is_on_time_and_one_hour_later_is_late()
    {
        Apply(
            _ev.Received("a", Vet, Animals, Channel.Online, "2024-06-10T08:00:00+07:00", due: "2024-06-15"),
            _ev.Finished("a", Vet, "2024-06-15T16:00:00Z"),
            _ev.Received("b", Vet, Animals, Channel.Online, "2024-06-10T08:00:00+07:00", due: "2024-06-15"),
            _ev.Finished("b", Vet, "2024-06-15T17:00:00Z"));

        Assert.Equal(
            [new(CounterKind.OnTime, D(6, 15), null, 1, 1), new(CounterKind.OnTime, D(6, 16), null, 0, 1)],
            _ledger.ContributionTo(Vet).Export().Where(e => e.Kind == CounterKind.OnTime));
        Assert.Equal(new IndicatorCounts(1, 2), Counts(Vet).OnTime);
    }

    [Fact]
    public void Local_days_change_at_17_00_utc()
    {
        Apply(
            _ev.Received("a", Vet, Animals, Channel.Online, "2024-06-05T16:59:59Z"),
            _ev.Received("b", Vet, Animals, Channel.Direct, "2024-06-05T17:00:00Z"),
            _ev.Paid("b", Vet, "P1", PaymentMethod.Online, "2024-06-06T16:59:59Z"),
            _ev.Paid("c", Vet, "P1", PaymentMethod.Online, "2024-06-06T17:00:00Z"));

        Assert.Equal(
            [
                new(CounterKind.OnlineDossier, D(6, 5), null, 1, 1),
                new(CounterKind.OnlineDossier, D(6, 6), null, 0, 1),
                new(CounterKind.OnlinePayment, D(6, 6), null, 1, 1),
                new(CounterKind.OnlinePayment, D(6, 7), null, 1, 1),
                new(CounterKind.OnlineReceipt, D(6, 5), Animals, 1, 0),
            ],
            _ledger.ContributionTo(Vet).Export());
        // The campaign starts on 06-06 local: the receipt at 23:59:59 on 06-05 is outside.
        Assert.Equal(W(0, 4, 1, 1, 0, 1, 0, 0), Counts(Vet, to: "2024-06-06"));
    }

    [Fact]
    public void A_finish_with_neither_receipt_nor_payment_counts_nowhere_until_one_comes()
    {
        Apply(_ev.Finished(Dossier, Vet, "2024-06-12T09:00:00+07:00", due: "2024-06-20"));

        Assert.Null(_ledger.OwnerOf(Dossier));
        Assert.Empty(_ledger.TakeDeltas());

        Apply(_ev.Paid(Dossier, Plants, "P1", PaymentMethod.Cash, "2024-06-10T09:00:00+07:00"));

        Assert.Equal(W(0, 4, 0, 1, 0, 0, 1, 1), Counts(Plants));
    }

    [Fact]
    public void A_procedure_counts_for_usage_where_any_unit_of_the_subtree_received_it_online()
    {
        // 9.000201 is assigned to Plants, received online by Vet.
        Apply(_ev.Received(Dossier, Vet, "9.000201", Channel.Online, "2024-06-10T08:00:00+07:00"));

        Assert.Equal(new IndicatorCounts(0, 4), Counts(Vet).OnlineServiceUsage);
        Assert.Equal(new IndicatorCounts(0, 4), Counts(Plants).OnlineServiceUsage);
        Assert.Equal(new IndicatorCounts(1, 17), Counts(Dept).OnlineServiceUsage);
        Assert.Equal(new IndicatorCounts(1, 17), Counts(Province).OnlineServiceUsage);
    }

    [Fact]
    public void A_unit_unknown_to_the_catalogue_still_gets_its_own_counters()
    {
        const string removed = "000.99.12.H37";

        Apply(_ev.Received(Dossier, removed, Animals, Channel.Online, "2024-06-10T08:00:00+07:00"));

        var deltas = _ledger.TakeDeltas();
        Assert.Equal([removed], deltas.Keys);
        Assert.Equal(W(0, 0, 0, 0, 1, 1, 0, 0), Counts(removed));
        Assert.Equal(removed, _ledger.OwnerOf(Dossier));
    }

    [Fact]
    public void ContributionTo_is_a_copy()
    {
        Apply(_ev.Received(Dossier, Vet, Animals, Channel.Online, "2024-06-10T08:00:00+07:00"));

        var copy = _ledger.ContributionTo(Vet);
        copy.Add(copy, -1);

        Assert.Equal(W(1, 4, 0, 0, 1, 1, 0, 0), Counts(Vet));
        Assert.True(_ledger.ContributionTo(Plants).IsEmpty);
    }

    [Fact]
    public void Taken_deltas_belong_to_the_caller_and_later_events_start_new_ones()
    {
        Apply(_ev.Received(Dossier, Vet, Animals, Channel.Online, "2024-06-10T08:00:00+07:00"));
        var first = _ledger.TakeDeltas();
        var firstVet = first[Vet].Export();

        Apply(_ev.Received("000.07.12.H37-240610-0002", Vet, Animals, Channel.Direct, "2024-06-10T09:00:00+07:00"));
        var second = _ledger.TakeDeltas();

        Assert.Equal(firstVet, first[Vet].Export());
        Assert.NotSame(first[Vet], second[Vet]);
        Assert.Equal([new(CounterKind.OnlineDossier, D(6, 10), null, 0, 1)], second[Vet].Export());
        Assert.Equal([Province, Dept, Vet], second.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Units_are_every_unit_counted_so_far_with_its_ancestors_and_only_those()
    {
        Assert.Empty(_ledger.Units);

        Apply(_ev.Finished(Dossier, Vet, "2024-06-12T08:00:00+07:00"));
        Assert.Empty(_ledger.Units);

        Apply(_ev.Received(Dossier, Vet, Animals, Channel.Online, "2024-06-10T08:00:00+07:00"));
        Assert.Equal([Vet, Dept, Province], _ledger.Units);

        Apply(_ev.Received(Dossier, Plants, Animals, Channel.Online, "2024-06-10T09:00:00+07:00"));
        Assert.Equal([Vet, Dept, Province, Plants], _ledger.Units);
        Assert.True(_ledger.ContributionTo(Vet).IsEmpty);
    }
}
