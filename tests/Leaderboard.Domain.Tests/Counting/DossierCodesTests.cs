using Leaderboard.Domain.Counting;

namespace Leaderboard.Domain.Tests.Counting;

public sealed class DossierCodesTests
{
    [Fact]
    public void Codes_are_numbered_in_order_of_arrival_and_found_again_after_the_table_grew()
    {
        var codes = new DossierCodes();
        var all = Enumerable.Range(0, 5_000).Select(i => $"000.07.12.H37-2406{i % 30:00}-{i:0000}").Append("hồ-sơ-Lạng-Sơn-đ").Append("").ToList();
        for (var i = 0; i < all.Count; i++)
        {
            Assert.Equal(-1, codes.Find(all[i]));
            Assert.Equal(i, codes.GetOrAdd(all[i], out var added));
            Assert.True(added);
        }

        Assert.Equal(all.Count, codes.Count);
        for (var i = 0; i < all.Count; i++)
        {
            Assert.Equal(i, codes.Find(all[i]));
            Assert.Equal(i, codes.GetOrAdd(all[i], out var added));
            Assert.False(added);
            Assert.Equal(all[i], codes[i].ToString());
        }

        Assert.Equal(-1, codes.Find("000.07.12.H37-240601-0001x"));
        Assert.Equal(all.Count, codes.Count);
    }

    [Fact]
    public void Room_made_ahead_keeps_what_is_there()
    {
        var codes = new DossierCodes();
        codes.GetOrAdd("a", out _);
        codes.EnsureCapacity(10_000);
        Assert.Equal(0, codes.Find("a"));
        Assert.Equal(1, codes.GetOrAdd("b", out var added));
        Assert.True(added);
        Assert.Equal("b", codes[1].ToString());
    }
}
