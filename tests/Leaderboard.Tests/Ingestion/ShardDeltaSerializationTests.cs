using Leaderboard.Abstractions.Ingestion;
using Leaderboard.Abstractions.Ledger;
using Leaderboard.Domain.Counting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Leaderboard.Tests.Ingestion;

/// <summary>A shard's delta to a unit, and a unit's counters, cross the wire between silos: what arrives is what was sent.</summary>
public sealed class ShardDeltaSerializationTests
{
    [Fact]
    public void A_delta_round_trips_with_its_entries()
    {
        using var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        CounterEntry[] entries = [new(CounterKind.OnlineDossier, 19_900, null, 1, 2), new(CounterKind.OnlineReceipt, 19_901, "1.0012", -1, 0)];
        var at = new DateTimeOffset(2024, 6, 12, 9, 0, 0, TimeSpan.FromHours(7));
        var delta = new ShardDelta(7, 42, 3, CounterDelta.Of(entries), [new ActivityCount("U1", "dossier", 2, at)], Live: true);

        var copy = serializer.Deserialize<ShardDelta>(serializer.SerializeToArray(delta))!;

        Assert.Equal((7, 42L, 3L, true), (copy.Shard, copy.Epoch, copy.Sequence, copy.Live));
        Assert.Equal(entries, copy.Counters.Entries.ToArray());
        Assert.Equal(delta.Activity, copy.Activity);
    }

    [Fact]
    public void A_units_counters_round_trip_in_the_same_wire_form()
    {
        using var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        CounterEntry[] entries = [new(CounterKind.OnlinePayment, 19_900, null, 1, 2), new(CounterKind.OnlineReceipt, 19_901, "1.0012", 3, 0)];

        var copy = serializer.Deserialize<UnitCounters>(serializer.SerializeToArray(UnitCounters.Import(entries)))!;

        Assert.Equal(entries, copy.Export());
    }
}
