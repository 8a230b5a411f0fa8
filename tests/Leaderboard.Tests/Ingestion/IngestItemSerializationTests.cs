using System.Text;
using Leaderboard.Abstractions.Ingestion;
using Leaderboard.Domain.Events;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Leaderboard.Tests.Ingestion;

/// <summary>A batch for a ledger shard on another silo crosses the wire: what arrives is what was sent, byte for byte.</summary>
public sealed class IngestItemSerializationTests
{
    [Fact]
    public void A_batch_round_trips_with_its_content_bytes()
    {
        using var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        var content = Encoding.UTF8.GetBytes("""{"id":"x","reason":"Hồ sơ \u1EA7 \"trùng\" \\ 🚀"}""");
        var hash = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var voided = new DossierEvent("x", EventType.DossierVoided, new DateTimeOffset(2024, 6, 12, 9, 0, 0, TimeSpan.FromHours(7)), "U1", "D-1", Reason: "Hồ sơ");
        IReadOnlyList<IngestItem> items = [new IngestItem(3, voided, content, hash), new IngestItem(7, voided with { Id = "y" }, [], hash)];

        var copy = serializer.Deserialize<IReadOnlyList<IngestItem>>(serializer.SerializeToArray(items))!;

        Assert.Equal(2, copy.Count);
        for (var i = 0; i < items.Count; i++)
        {
            Assert.Equal(items[i].Index, copy[i].Index);
            Assert.Equal(items[i].Event, copy[i].Event);
            Assert.Equal(items[i].Content, copy[i].Content);
            Assert.Equal(items[i].ContentHash, copy[i].ContentHash);
        }
    }
}
