using System.Security.Cryptography;
using System.Text;
using Leaderboard.Grains.Storage;

namespace Leaderboard.Tests.Storage;

/// <summary>The journal's memory of recent ids answers only "duplicate", and only for the same id with the same content.</summary>
public sealed class RecentIdsTests
{
    [Fact]
    public void Only_the_same_id_with_the_same_content_is_a_duplicate()
    {
        var recent = new RecentIds(capacity: 10);
        recent.Add("a", Hash("a-content"));

        Assert.True(recent.IsDuplicate("a", Hash("a-content")));
        Assert.False(recent.IsDuplicate("a", Hash("other content")));
        Assert.False(recent.IsDuplicate("b", Hash("a-content")));
    }

    [Fact]
    public void Beyond_its_capacity_it_forgets_the_oldest_first()
    {
        var recent = new RecentIds(capacity: 2);
        recent.Add("a", Hash("a"));
        recent.Add("b", Hash("b"));
        recent.Add("a", Hash("a"));
        recent.Add("c", Hash("c"));

        Assert.False(recent.IsDuplicate("a", Hash("a")));
        Assert.True(recent.IsDuplicate("b", Hash("b")));
        Assert.True(recent.IsDuplicate("c", Hash("c")));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1_000)]
    public void Long_after_it_filled_up_it_remembers_exactly_the_latest_ids(int capacity)
    {
        // Many times its capacity, so the oldest keys leave from every part of its table and the rest must stay found.
        var recent = new RecentIds(capacity);
        const int Ids = 20_000;
        for (var i = 0; i < Ids; i++)
        {
            recent.Add($"id-{i}", Hash($"content-{i}"));
            if (i % 3 == 0)
            {
                // A repeated add of a remembered id changes nothing.
                recent.Add($"id-{i}", Hash($"content-{i}"));
            }
        }

        for (var i = 0; i < Ids; i++)
        {
            Assert.Equal(i >= Ids - capacity, recent.IsDuplicate($"id-{i}", Hash($"content-{i}")));
        }
    }

    [Fact]
    public void Without_capacity_it_remembers_nothing()
    {
        var recent = new RecentIds(capacity: 0);
        recent.Add("a", Hash("a"));

        Assert.False(recent.IsDuplicate("a", Hash("a")));
    }

    private static byte[] Hash(string content) => SHA256.HashData(Encoding.UTF8.GetBytes(content));
}
