using Leaderboard.Client;
using Leaderboard.Tests.Infrastructure;
using static Leaderboard.Tests.Toolkit.ToolkitEvents;

namespace Leaderboard.Tests.Toolkit;

/// <summary>
/// The hub's <c>UploadEvents</c> stream through the client library, end to end against a real node: acknowledgements
/// shaped like the HTTP answer, the same verdicts, and a connection reset in the middle of an upload followed by the
/// client's reconnect and resend, with exact totals.
/// </summary>
public sealed class HubUploadTests(LeaderboardServerFixture fixture) : IClassFixture<LeaderboardServerFixture>
{
    private readonly LeaderboardServer _server = fixture.Server;

    [Fact]
    public async Task A_stream_is_acknowledged_group_by_group_with_stream_wide_indexes_and_exact_totals()
    {
        var tag = NewTag();
        var events = Receipts(tag, 2_500);
        // Two events the server must reject, in the second and third groups at the latest: an unknown unit, and an id
        // re-used with other content.
        events[1_200] = events[1_200] with { Unit = "000.99.12.H37" };
        events[2_400] = events[10] with { Channel = "postal" };
        var before = await UnitNumbers.DossiersAsync(_server, Unit);
        using var client = Client(_server.Address);

        var acks = new List<IngestionAnswer>();
        await foreach (var ack in client.StreamAsync(AsStream(events)))
        {
            acks.Add(ack);
        }

        Assert.True(acks.Count >= 3, $"2,500 events in groups of at most 1,000 need at least 3 acknowledgements, got {acks.Count}");
        Assert.All(acks, a => Assert.InRange(a.Count, 1, 1_000));
        Assert.Equal(2_500, acks.Sum(a => a.Count));
        Assert.Equal(2_498, acks.Sum(a => a.Accepted));
        Assert.Equal(0, acks.Sum(a => a.Duplicates));
        var rejected = acks.SelectMany(a => a.Rejected).ToList();
        Assert.Equal([1_200L, 2_400L], rejected.Select(r => r.Index));
        Assert.Equal(["unit", "id"], rejected.Select(r => r.Field));
        Assert.Equal([$"hub-{tag}-1200", $"hub-{tag}-10"], rejected.Select(r => r.Id));
        Assert.All(rejected, r => Assert.False(string.IsNullOrWhiteSpace(r.Error)));

        // 2,498 dossiers stored; 1,200 (every third: direct) is gone, and 2,400 was rejected.
        var online = Online(2_500) - 1 - 1;
        await UnitNumbers.ExpectAsync(_server, Unit, before.Plus(online, 2_498));
    }

    [Fact]
    public async Task The_same_stream_again_is_acknowledged_as_duplicates_and_counts_nothing()
    {
        var tag = NewTag();
        var events = Receipts(tag, 300);
        var before = await UnitNumbers.DossiersAsync(_server, Unit);
        using var client = Client(_server.Address);

        var first = await SumAsync(client.StreamAsync(AsStream(events)));
        var again = await SumAsync(client.StreamAsync(AsStream(events)));

        Assert.Equal((300, 0, 0), (first.Accepted, first.Duplicates, first.Rejected.Count));
        Assert.Equal((0, 300, 0), (again.Accepted, again.Duplicates, again.Rejected.Count));
        await UnitNumbers.ExpectAsync(_server, Unit, before.Plus(Online(300), 300));
    }

    [Fact]
    public async Task A_connection_reset_in_the_middle_of_an_upload_is_followed_by_a_reconnect_and_the_totals_are_exact()
    {
        const int Count = 12_000;
        var tag = NewTag();
        var events = Receipts(tag, Count);
        var before = await UnitNumbers.DossiersAsync(_server, Unit);
        await using var relay = new TcpRelay(_server.Address);
        var retries = new List<RetryNotice>();
        var options = Options(relay.Address);
        options.MaxInFlight = 3_000;
        options.OnRetry = r =>
        {
            lock (retries)
            {
                retries.Add(r);
            }
        };
        using var client = new LeaderboardClient(options);

        var acks = new List<IngestionAnswer>();
        await foreach (var ack in client.StreamAsync(AsStream(events)))
        {
            acks.Add(ack);
            if (acks.Count == 1)
            {
                // At most 3,000 events are unacknowledged now and 9,000 more are still to come: a real mid-upload drop.
                relay.DropAll();
            }
        }

        Assert.True(relay.Drops > 0, "the relay reset no connection");
        Assert.NotEmpty(retries);
        Assert.Equal(Count, acks.Sum(a => a.Count));
        Assert.Equal(Count, acks.Sum(a => a.Stored));
        Assert.Empty(acks.SelectMany(a => a.Rejected));
        await UnitNumbers.ExpectAsync(_server, Unit, before.Plus(Online(Count), Count));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("khoa-khong-ton-tai")]
    public async Task A_stream_without_a_valid_key_fails_with_401_and_a_Vietnamese_message(string? key)
    {
        var options = Options(_server.Address);
        options.Key = key;
        using var client = new LeaderboardClient(options);

        var error = await Assert.ThrowsAsync<LeaderboardClientException>(
            () => SumAsync(client.StreamAsync(AsStream(Receipts(NewTag(), 3)))));

        Assert.Equal(401, error.StatusCode);
        Assert.Contains("Thiếu khóa hoặc khóa không hợp lệ", error.Message, StringComparison.Ordinal);
    }

    internal static LeaderboardClientOptions Options(Uri address) => new()
    {
        BaseAddress = address,
        Key = LeaderboardServer.AdminKey,
        InitialBackoff = TimeSpan.FromMilliseconds(50),
        MaxBackoff = TimeSpan.FromSeconds(1),
        MaxRetries = 20,
        HubServerTimeout = TimeSpan.FromSeconds(20),
    };

    private static LeaderboardClient Client(Uri address) => new(Options(address));

    private static async Task<IngestionAnswer> SumAsync(IAsyncEnumerable<IngestionAnswer> acks)
    {
        var total = IngestionAnswer.Empty;
        await foreach (var ack in acks)
        {
            total = total.Plus(ack);
        }

        return total;
    }
}
