using System.Net;
using Leaderboard.Client;
using Leaderboard.Tests.Infrastructure;
using Leaderboard.Tests.Toolkit;
using Leaderboard.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using static Leaderboard.Tests.Api.SampleEvents;

namespace Leaderboard.Tests.Security;

/// <summary>
/// A token bucket per key on <c>POST /api/v1/events</c>: past the burst the answer is 429 problem details with
/// <c>Retry-After</c>, another key has its own bucket, the admin key is not limited, and the key writes again once the
/// bucket refills (the limiter runs on real time: one token a second here). A hub upload takes from the same bucket.
/// </summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Past_the_burst_a_key_gets_429_with_Retry_After_until_its_bucket_refills()
    {
        await using var server = await LeaderboardServer.StartAsync(new Dictionary<string, string>
        {
            ["Leaderboard:RateLimit:RequestsPerSecond"] = "1",
            ["Leaderboard:RateLimit:Burst"] = "2",
            ["Leaderboard:Keys:0:Name"] = "a",
            ["Leaderboard:Keys:0:Key"] = "khoa-a-0c1d",
            ["Leaderboard:Keys:0:Units:0"] = Unit,
            ["Leaderboard:Keys:1:Name"] = "b",
            ["Leaderboard:Keys:1:Key"] = "khoa-b-9e8f",
            ["Leaderboard:Keys:1:Units:0"] = Unit,
        });
        var a = "Bearer khoa-a-0c1d";

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 4 && limited is null; i++)
        {
            var response = await EventsEndpoint.PostAsync(server, Content("[]"), a);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
            else
            {
                response.Dispose();
            }
        }

        // Two in the bucket; a refill between the calls may allow one more, never more than that.
        Assert.NotNull(limited);
        Assert.InRange(statuses.Count, 3, 4);
        using (limited)
        {
            var problem = await IngestAnswer.ProblemAsync(limited, HttpStatusCode.TooManyRequests);
            Assert.Equal("Quá nhiều yêu cầu", problem.GetProperty("title").GetString());
            var retryAfter = limited.Headers.RetryAfter?.Delta;
            Assert.NotNull(retryAfter);
            Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        }

        // The limited key's bucket is its own: another key and the admin key go on.
        using (var b = await EventsEndpoint.PostAsync(server, Content("[]"), "Bearer khoa-b-9e8f"))
        {
            Assert.Equal(HttpStatusCode.OK, b.StatusCode);
        }

        for (var i = 0; i < 5; i++)
        {
            using var admin = await EventsEndpoint.PostAsync(server, Content("[]"));
            Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        }

        // No key is no partition: still 401, not 429.
        using (var none = await EventsEndpoint.PostAsync(server, Content("[]"), authorization: null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        }

        var tag = NewTag();
        await Eventually.TrueAsync(
            async () =>
            {
                using var again = await EventsEndpoint.PostAsync(server, Content(Array(Received($"rate-{tag}", $"D-{tag}"))), a);
                return again.StatusCode == HttpStatusCode.OK;
            },
            TimeSpan.FromSeconds(3),
            "the key was not allowed again after its bucket refilled");
    }

    [Fact]
    public async Task A_hub_upload_spends_the_same_keys_budget_one_token_a_group_and_waits_instead_of_failing()
    {
        await using var server = await LeaderboardServer.StartAsync(new Dictionary<string, string>
        {
            ["Leaderboard:RateLimit:RequestsPerSecond"] = "1",
            ["Leaderboard:RateLimit:Burst"] = "1",
            ["Leaderboard:Keys:0:Name"] = "a",
            ["Leaderboard:Keys:0:Key"] = "khoa-a-0c1d",
            ["Leaderboard:Keys:0:Units:0"] = Unit,
        });
        var options = HubUploadTests.Options(server.Address);
        options.Key = "khoa-a-0c1d";
        using var client = new LeaderboardClient(options);

        // 2,500 events are at least three groups of at most 1,000: more than the burst of one, so the stream waits
        // for refills, and every event is still acknowledged.
        var answers = new List<IngestionAnswer>();
        await foreach (var answer in client.StreamAsync(ToolkitEvents.AsStream(ToolkitEvents.Receipts(ToolkitEvents.NewTag(), 2_500))))
        {
            answers.Add(answer);
        }

        Assert.True(answers.Count >= 3, $"expected at least three acknowledgements, got {answers.Count}");
        Assert.Equal(2_500, answers.Sum(a => a.Accepted));
        var limiter = server.Services.GetRequiredService<KeyRateLimiter>();
        var afterStream = limiter.StatisticsOf("config-0");
        Assert.NotNull(afterStream);

        // One token per group the hub ingested (the client may hand several groups' answers over as one).
        Assert.InRange(afterStream.TotalSuccessfulLeases, 3, 2_500);

        // A POST with the same key takes from the same bucket, granted or refused.
        using (var post = await EventsEndpoint.PostAsync(server, Content("[]"), "Bearer khoa-a-0c1d"))
        {
            Assert.Contains(post.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests });
        }

        // (On a refusal the middleware asks twice: at once, then queued, and this limiter queues nothing.)
        var afterPost = limiter.StatisticsOf("config-0")!;
        Assert.InRange(
            afterPost.TotalSuccessfulLeases + afterPost.TotalFailedLeases - (afterStream.TotalSuccessfulLeases + afterStream.TotalFailedLeases),
            1,
            2);
    }

    [Fact]
    public async Task Limits_can_be_switched_off()
    {
        await using var server = await LeaderboardServer.StartAsync(new Dictionary<string, string>
        {
            ["Leaderboard:RateLimit:Enabled"] = "false",
            ["Leaderboard:RateLimit:RequestsPerSecond"] = "1",
            ["Leaderboard:RateLimit:Burst"] = "1",
            ["Leaderboard:Keys:0:Name"] = "a",
            ["Leaderboard:Keys:0:Key"] = "khoa-a-0c1d",
            ["Leaderboard:Keys:0:Units:0"] = Unit,
        });

        for (var i = 0; i < 5; i++)
        {
            using var response = await EventsEndpoint.PostAsync(server, Content("[]"), "Bearer khoa-a-0c1d");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
