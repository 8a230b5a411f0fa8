using Leaderboard.Domain.Events;

namespace Leaderboard.Domain.Tests.Events;

public sealed class CanonicalHashTests
{
    private const string Event = """{"id":"ex-2","type":"payment.completed","occurredAt":"2024-06-10T09:00:00+07:00","unit":"000.07.12.H37","dossier":"D-1","payment":"P1","amount":80000,"method":"online"}""";

    [Fact]
    public void Key_order_and_white_space_do_not_matter()
    {
        const string reordered = """
            {
              "method" : "online",  "amount": 80000,
              "payment":"P1", "dossier":"D-1","unit":"000.07.12.H37",
                "occurredAt":"2024-06-10T09:00:00+07:00","type":"payment.completed","id":"ex-2"
            }
            """;
        Assert.Equal(EventSamples.Hash(Event), EventSamples.Hash(reordered));
    }

    [Theory]
    [InlineData("80000.0")]
    [InlineData("8e4")]
    [InlineData("8E+4")]
    [InlineData("800000e-1")]
    [InlineData("0.8e5")]
    [InlineData("80000.000000000000000000000000000000000000")]
    public void Numbers_compare_by_value(string amount) =>
        Assert.Equal(EventSamples.Hash(Event), EventSamples.Hash(Event.Replace("80000", amount, StringComparison.Ordinal)));

    [Theory]
    [InlineData("1", "1.0")]
    [InlineData("1", "1e0")]
    [InlineData("1", "10E-1")]
    [InlineData("0", "-0")]
    [InlineData("0", "0.000e5")]
    [InlineData("-1.5", "-15e-1")]
    [InlineData("1e400", "10e399")]
    [InlineData("1e99999999999999999999999", "10e99999999999999999999998")]
    [InlineData("123456789012345678901234567890", "1.23456789012345678901234567890e29")]
    public void Equal_numbers(string a, string b) =>
        Assert.Equal(EventSamples.Hash($"{{\"n\":{a}}}"), EventSamples.Hash($"{{\"n\":{b}}}"));

    [Theory]
    [InlineData("1", "-1")]
    [InlineData("1", "1.0000000000000000000000000001")]
    [InlineData("1e400", "1e401")]
    [InlineData("1", "\"1\"")]
    [InlineData("0", "false")]
    [InlineData("null", "\"\"")]
    [InlineData("[1,2]", "[2,1]")]
    [InlineData("[[]]", "[]")]
    [InlineData("{}", "[]")]
    [InlineData("\"a\"", "\"A\"")]
    [InlineData("\"é\"", "\"e\\u0301\"")]
    [InlineData("{\"a\":{\"b\":1}}", "{\"a\":{\"b\":1},\"c\":null}")]
    public void Different_values(string a, string b) =>
        Assert.NotEqual(EventSamples.Hash($"{{\"v\":{a}}}"), EventSamples.Hash($"{{\"v\":{b}}}"));

    [Fact]
    public void Strings_compare_by_decoded_value()
    {
        Assert.Equal(EventSamples.Hash("""{"v":"Nhập nhầm"}"""), EventSamples.Hash("""{"v":"Nh\u1EADp nh\u1EA7m"}"""));
        Assert.Equal(EventSamples.Hash("""{"v":"a/b\"c"}"""), EventSamples.Hash("""{"v":"a\/b\u0022c"}"""));
        Assert.Equal(EventSamples.Hash("""{"v":"😀"}"""), EventSamples.Hash("""{"v":"\ud83d\ude00"}"""));
        Assert.Equal(EventSamples.Hash("""{"\u0069d":"x"}"""), EventSamples.Hash("""{"id":"x"}"""));
    }

    [Fact]
    public void The_same_instant_with_another_offset_differs()
    {
        Assert.NotEqual(
            EventSamples.Hash(Event),
            EventSamples.Hash(Event.Replace("2024-06-10T09:00:00+07:00", "2024-06-10T02:00:00Z", StringComparison.Ordinal)));
    }

    [Fact]
    public void Nested_objects_are_sorted_too() =>
        Assert.Equal(EventSamples.Hash("""{"x":{"b":[{"d":1,"c":2}],"a":true}}"""), EventSamples.Hash("""{"x":{"a":true,"b":[{"c":2,"d":1}]}}"""));

    [Fact]
    public void Structure_cannot_be_confused_by_string_content()
    {
        Assert.NotEqual(EventSamples.Hash("""{"a":"b","c":"d"}"""), EventSamples.Hash("""{"a":"b\",\"c\":\"d"}"""));
        Assert.NotEqual(EventSamples.Hash("""{"ab":"c"}"""), EventSamples.Hash("""{"a":"bc"}"""));
    }

    [Fact]
    public void Lone_surrogates_hash_without_throwing()
    {
        Assert.NotEqual(EventSamples.Hash("""{"v":"\ud800"}"""), EventSamples.Hash("""{"v":"\udc00"}"""));
        Assert.NotEqual(EventSamples.Hash("""{"v":"\ud800"}"""), EventSamples.Hash("""{"v":"\ufffd"}"""));
    }

    [Fact]
    public void Hash_is_sha256_sized_and_stable_across_calls()
    {
        var first = EventSamples.Hash(Event);
        Assert.Equal(32, first.Length);
        Assert.Equal(first, EventSamples.Hash(Event));
    }

    [Fact]
    public void Hashes_are_pinned()
    {
        // Stored journals keep these hashes: the canonical form and its hash must never change.
        Assert.Equal("897E3CC4E714D79A4049B5793E5734BE8D5DC34A3D91306EBA928A28D05E589E", Convert.ToHexString(EventSamples.Hash(Event)));
        const string mixed = """{"z":1,"y":{"q":[true,false,null,"\u00e9\ud800"],"p":-1.50e3},"x":"Nhập nhầm","k17":17,"k16":16,"k15":15,"k14":14,"k13":13,"k12":12,"k11":11,"k10":10,"k09":9,"k08":8,"k07":7,"k06":6,"k05":5,"k04":4,"k03":3,"k02":2,"k01":1}""";
        Assert.Equal("DBF472A2CFBD2A887E4A3E640C3CEC7A9C1530C812F999D3C3E8D2D8C9F9D551", Convert.ToHexString(EventSamples.Hash(mixed)));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(40)]
    public void Key_order_does_not_matter_for_small_or_large_objects(int count)
    {
        var keys = Enumerable.Range(0, count).Select(i => $"k{(i * 7) % count}").ToList();
        var expected = EventSamples.Hash(Object(keys.Order(StringComparer.Ordinal)));
        for (var shift = 0; shift < count; shift++)
        {
            Assert.Equal(expected, EventSamples.Hash(Object(keys.Skip(shift).Concat(keys.Take(shift)))));
        }

        // A repeated name is found wherever it sits.
        for (var at = 0; at < count; at++)
        {
            using var document = System.Text.Json.JsonDocument.Parse(Object(keys.Prepend(keys[at])));
            Assert.Throws<ArgumentException>(() => EventParser.CanonicalHash(document.RootElement));
        }

        static string Object(IEnumerable<string> names) => "{" + string.Join(',', names.Select(n => $"\"{n}\":\"{n}\"")) + "}";
    }

    [Fact]
    public void Duplicate_names_throw_from_the_public_helper()
    {
        using var document = System.Text.Json.JsonDocument.Parse("""{"a":1,"a":1}""");
        Assert.Throws<ArgumentException>(() => EventParser.CanonicalHash(document.RootElement));
    }

    [Fact]
    public void Large_objects_and_strings_hash()
    {
        var many = "{" + string.Join(',', Enumerable.Range(0, 20_000).Select(i => $"\"k{i}\":{i}")) + "}";
        var reversed = "{" + string.Join(',', Enumerable.Range(0, 20_000).Reverse().Select(i => $"\"k{i}\":{i}")) + "}";
        Assert.Equal(EventSamples.Hash(many), EventSamples.Hash(reversed));

        var big = new string('x', 3_000_000);
        Assert.NotEqual(EventSamples.Hash($"{{\"v\":\"{big}\"}}"), EventSamples.Hash($"{{\"v\":\"{big}y\"}}"));
    }
}
