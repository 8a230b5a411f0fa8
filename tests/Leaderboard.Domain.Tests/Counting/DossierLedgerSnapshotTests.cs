using Leaderboard.Domain.Counting;
using Leaderboard.Domain.Events;
using Leaderboard.Domain.Tests.Support;
using DomainCatalogue = Leaderboard.Domain.Catalogue.Catalogue;

namespace Leaderboard.Domain.Tests.Counting;

public sealed class DossierLedgerSnapshotTests
{
    private static readonly string[] AllUnits = [.. SampleOrg.Units.Select(u => u.Code), "000.99.12.H37"];
    private static readonly string[] Dossiers = ["d-receipt", "d-paid-first", "d-refund-first", "d-voided", "d-moved", "d-finish-only", "d-removed-unit"];

    private readonly DomainCatalogue _catalogue = SampleOrg.NewCatalogue();
    private readonly EventFactory _ev = new();

    private DossierLedger Populated()
    {
        var ledger = new DossierLedger(_catalogue);
        DossierEvent[] events =
        [
            _ev.Received("d-receipt", SampleOrg.Veterinary, "9.000101", Channel.Online, "2024-06-10T08:00:00+07:00", due: "2024-06-15"),
            _ev.Paid("d-receipt", SampleOrg.Veterinary, "P1", PaymentMethod.Online, "2024-06-10T09:00:00+07:00"),
            _ev.Paid("d-receipt", SampleOrg.Veterinary, "P2", PaymentMethod.Cash, "2024-06-10T09:00:00+07:00"),
            _ev.Finished("d-receipt", SampleOrg.Veterinary, "2024-06-14T09:00:00+07:00", due: "2024-06-30"),
            _ev.Paid("d-paid-first", SampleOrg.Plants, "P1", PaymentMethod.Transfer, "2024-06-11T09:00:00+07:00"),
            _ev.Refunded("d-refund-first", SampleOrg.Quality, "X", "2024-06-11T09:00:00+07:00"),
            _ev.Paid("d-refund-first", SampleOrg.Quality, "Y", PaymentMethod.Online, "2024-06-12T09:00:00+07:00"),
            _ev.Received("d-voided", SampleOrg.Irrigation, "9.000401", Channel.Postal, "2024-06-10T08:00:00+07:00"),
            _ev.Voided("d-voided", SampleOrg.Irrigation, "2024-06-10T09:00:00+07:00"),
            _ev.Received("d-moved", SampleOrg.Veterinary, "9.000102", Channel.Direct, "2024-06-10T08:00:00+07:00"),
            _ev.Received("d-moved", SampleOrg.Forestry, "9.000301", Channel.Online, "2024-06-10T08:30:00+07:00"),
            _ev.Finished("d-finish-only", SampleOrg.Forestry, "2024-06-10T08:30:00+07:00", due: "2024-06-01"),
            _ev.Received("d-removed-unit", "000.99.12.H37", "9.000101", Channel.Online, "2024-06-20T08:00:00+07:00"),
        ];
        foreach (var e in events)
        {
            ledger.Apply(e);
        }

        return ledger;
    }

    private static byte[] Snapshot(DossierLedger ledger)
    {
        using var stream = new MemoryStream();
        ledger.WriteSnapshot(stream);
        return stream.ToArray();
    }

    private DossierLedger Load(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return DossierLedger.ReadSnapshot(_catalogue, stream);
    }

    [Fact]
    public void Totals_and_deltas_kept_event_by_event_equal_the_totals_rebuilt_from_the_states()
    {
        // Receipts, corrections within and across units, payments, refunds, finishes and the odd void, in a seeded
        // random order: whatever the incremental bookkeeping skips must still add up to the totals a snapshot
        // rebuilds from the dossiers' states alone. A first read makes the ledger keep its totals from the start.
        var ledger = new DossierLedger(_catalogue);
        Assert.True(ledger.ContributionTo(SampleOrg.Province).IsEmpty);
        var deltas = ApplyRandomStream(ledger, new Random(20241128), [SampleOrg.Veterinary, SampleOrg.Plants, SampleOrg.Forestry], 60, 3_000);
        Assert.True(ledger.KeepsTotals);
        var rebuilt = Load(Snapshot(ledger));
        Assert.False(rebuilt.KeepsTotals);
        foreach (var unit in AllUnits)
        {
            var expected = rebuilt.ContributionTo(unit).Export();
            Assert.Equal(expected, ledger.ContributionTo(unit).Export());
            Assert.Equal(expected, (deltas.GetValueOrDefault(unit) ?? new UnitCounters()).Export());
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(2024)]
    public void Totals_dropped_and_built_again_at_any_point_equal_totals_kept_throughout(int seed)
    {
        // Two ledgers get the same events; one keeps its totals all along, the other drops them at random points and
        // is read (which builds them again) at others, with events applied while it keeps none.
        var kept = new DossierLedger(_catalogue);
        Assert.True(kept.ContributionTo(SampleOrg.Province).IsEmpty);
        var dropping = new DossierLedger(_catalogue);
        string[] units = [SampleOrg.Veterinary, SampleOrg.Plants, SampleOrg.Forestry, SampleOrg.Department];
        var random = new Random(seed);
        for (var round = 0; round < 40; round++)
        {
            var choice = new Random(random.Next());
            ApplyRandomStream(kept, new Random(round + (seed * 100)), units, 50, 100);
            ApplyRandomStream(dropping, new Random(round + (seed * 100)), units, 50, 100);
            switch (choice.Next(3))
            {
                case 0:
                    dropping.DropTotals();
                    Assert.False(dropping.KeepsTotals);
                    break;
                case 1:
                    var unit = AllUnits[choice.Next(AllUnits.Length)];
                    Assert.Equal(kept.ContributionTo(unit).Export(), dropping.ContributionTo(unit).Export());
                    Assert.True(dropping.KeepsTotals);
                    break;
            }
        }

        foreach (var unit in AllUnits)
        {
            Assert.Equal(kept.ContributionTo(unit).Export(), dropping.ContributionTo(unit).Export());
        }

        Assert.Equal(kept.Units, dropping.Units);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(8128)]
    [InlineData(20241128)]
    public void A_parent_gets_the_sum_of_its_children_and_what_the_rolled_up_deltas_add_up_to(int seed)
    {
        // Totals are kept per owner; a parent's contribution is summed from the owners in its subtree on demand.
        var ledger = new DossierLedger(_catalogue);
        var deltas = ApplyRandomStream(ledger, new Random(seed), [SampleOrg.Veterinary, SampleOrg.Plants, SampleOrg.Forestry, SampleOrg.Quality], 80, 4_000);

        var communes = new UnitCounters();
        foreach (var unit in new[] { SampleOrg.Veterinary, SampleOrg.Plants, SampleOrg.Forestry, SampleOrg.Quality })
        {
            communes.Add(ledger.ContributionTo(unit));
        }

        Assert.False(communes.IsEmpty);
        Assert.Equal(communes.Export(), ledger.ContributionTo(SampleOrg.Department).Export());
        Assert.Equal(communes.Export(), ledger.ContributionTo(SampleOrg.Province).Export());
        Assert.Equal(communes.Export(), deltas[SampleOrg.Department].Export());
        Assert.Equal(communes.Export(), deltas[SampleOrg.Province].Export());
        Assert.True(ledger.ContributionTo(SampleOrg.Office).IsEmpty);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(20241128)]
    public void Dossiers_owned_by_a_parent_or_an_unknown_unit_count_in_the_right_subtrees(int seed)
    {
        // Owners at every level: the department and the province own dossiers of their own, next to their children's,
        // and a unit the catalogue does not know counts for itself only.
        var ledger = new DossierLedger(_catalogue);
        string[] owners = [SampleOrg.Veterinary, SampleOrg.Plants, SampleOrg.Department, SampleOrg.Province, "000.99.12.H37"];
        var deltas = ApplyRandomStream(ledger, new Random(seed), owners, 80, 4_000);
        var rebuilt = Load(Snapshot(ledger));

        foreach (var unit in AllUnits)
        {
            var contribution = ledger.ContributionTo(unit).Export();
            Assert.Equal((deltas.GetValueOrDefault(unit) ?? new UnitCounters()).Export(), contribution);
            Assert.Equal(rebuilt.ContributionTo(unit).Export(), contribution);
        }

        // The province's own dossiers are what it has beyond its department's subtree.
        var beyondDepartment = ledger.ContributionTo(SampleOrg.Province);
        beyondDepartment.Add(ledger.ContributionTo(SampleOrg.Department), -1);
        Assert.False(beyondDepartment.IsEmpty);
        Assert.False(ledger.ContributionTo("000.99.12.H37").IsEmpty);
        Assert.Equal(owners.Concat([SampleOrg.Department, SampleOrg.Province]).ToHashSet(), ledger.Units.ToHashSet());
    }

    /// <summary>
    /// Receipts, corrections within and across the units, payments, refunds, finishes and the odd void over
    /// <paramref name="dossiers"/> dossiers, in a seeded random order; returns the sum of every delta taken on the way.
    /// </summary>
    private Dictionary<string, UnitCounters> ApplyRandomStream(DossierLedger ledger, Random random, string[] units, int dossiers, int events)
    {
        string[] procedures = ["9.000101", "9.000102", "9.000301"];
        var start = new DateTimeOffset(2024, 6, 1, 8, 0, 0, TimeSpan.FromHours(7));
        var deltas = new Dictionary<string, UnitCounters>(StringComparer.Ordinal);
        for (var i = 0; i < events; i++)
        {
            var dossier = $"d{random.Next(dossiers)}";
            var unit = units[random.Next(units.Length)];
            var at = start.AddHours(random.Next(24 * 40)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
            var due = start.AddDays(random.Next(45)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var roll = random.Next(100);
            ledger.Apply(roll switch
            {
                < 35 => _ev.Received(dossier, unit, procedures[random.Next(procedures.Length)], (Channel)random.Next(3), at, random.Next(2) == 0 ? due : null),
                < 60 => _ev.Paid(dossier, unit, $"P{random.Next(3)}", (PaymentMethod)random.Next(3), at),
                < 70 => _ev.Refunded(dossier, unit, $"P{random.Next(3)}", at),
                < 99 => _ev.Finished(dossier, unit, at, random.Next(2) == 0 ? due : null),
                _ => _ev.Voided(dossier, unit, at),
            });

            if (random.Next(20) == 0)
            {
                Gather(ledger, deltas);
            }
        }

        Gather(ledger, deltas);
        return deltas;
    }

    private static void Gather(DossierLedger ledger, Dictionary<string, UnitCounters> into)
    {
        foreach (var (unit, delta) in ledger.TakeDeltas())
        {
            if (!into.TryGetValue(unit, out var sum))
            {
                into[unit] = sum = new UnitCounters();
            }

            delta.AddTo(sum);
        }
    }

    [Fact]
    public void A_snapshot_round_trips_states_and_rebuilds_the_totals_without_pending_deltas()
    {
        var original = Populated();
        var bytes = Snapshot(original);

        var loaded = Load(bytes);

        Assert.Equal(1, bytes[0]);
        Assert.Equal(original.DossierCount, loaded.DossierCount);
        Assert.Equal(7, loaded.DossierCount);
        Assert.Empty(loaded.TakeDeltas());
        foreach (var unit in AllUnits)
        {
            Assert.Equal(original.ContributionTo(unit).Export(), loaded.ContributionTo(unit).Export());
        }

        foreach (var dossier in Dossiers)
        {
            Assert.Equal(original.OwnerOf(dossier), loaded.OwnerOf(dossier));
        }

        Assert.Equal(SampleOrg.Plants, loaded.OwnerOf("d-paid-first"));
        Assert.Equal(SampleOrg.Forestry, loaded.OwnerOf("d-moved"));
        Assert.Null(loaded.OwnerOf("d-voided"));
        Assert.Null(loaded.OwnerOf("d-finish-only"));
        Assert.Equal(bytes, Snapshot(loaded));
    }

    [Fact]
    public void A_loaded_ledger_goes_on_exactly_as_the_original()
    {
        var original = Populated();
        var loaded = Load(Snapshot(original));
        original.TakeDeltas();
        DossierEvent[] more =
        [
            _ev.Paid("d-refund-first", SampleOrg.Quality, "X", PaymentMethod.Online, "2024-06-10T09:00:00+07:00"),
            _ev.Refunded("d-receipt", SampleOrg.Veterinary, "P1", "2024-06-13T09:00:00+07:00"),
            _ev.Received("d-voided", SampleOrg.Irrigation, "9.000401", Channel.Online, "2024-06-11T08:00:00+07:00"),
            _ev.Received("d-finish-only", SampleOrg.Forestry, "9.000301", Channel.Online, "2024-06-09T08:00:00+07:00"),
            _ev.Received("d-paid-first", SampleOrg.Veterinary, "9.000103", Channel.Online, "2024-06-11T08:00:00+07:00"),
        ];

        foreach (var e in more)
        {
            original.Apply(e);
            loaded.Apply(e);
        }

        var a = original.TakeDeltas();
        var b = loaded.TakeDeltas();
        Assert.Equal(a.Keys.Order(StringComparer.Ordinal), b.Keys.Order(StringComparer.Ordinal));
        foreach (var (unit, delta) in a)
        {
            Assert.Equal(delta.Export(), b[unit].Export());
        }

        Assert.Equal(Snapshot(original), Snapshot(loaded));
        // d-finish-only got its receipt at Forestry: finished 06-10 against a due date of 06-01, late.
        Assert.Equal(
            new WindowCounts(new(1, 2), new(0, 0), new(2, 2), new(0, 1)),
            loaded.ContributionTo(SampleOrg.Forestry).Count(new DateOnly(2024, 6, 1), new DateOnly(2024, 6, 30), _catalogue.OnlineProceduresOfSubtree(SampleOrg.Forestry)));
    }

    [Fact]
    public void An_empty_ledger_round_trips()
    {
        var loaded = Load(Snapshot(new DossierLedger(_catalogue)));

        Assert.Equal(0, loaded.DossierCount);
        Assert.Empty(loaded.TakeDeltas());
    }

    [Fact]
    public void An_unknown_snapshot_version_is_refused()
    {
        var bytes = Snapshot(Populated());
        bytes[0] = 99;

        Assert.Throws<InvalidDataException>(() => Load(bytes));
    }
}
