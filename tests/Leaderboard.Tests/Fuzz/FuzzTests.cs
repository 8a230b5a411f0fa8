using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Leaderboard.Tests.Infrastructure;
using static Leaderboard.Tests.Api.SampleEvents;

namespace Leaderboard.Tests.Fuzz;

/// <summary>
/// Ten thousand generated malformed bodies and events against a real node: every one gets a 4xx or a per-event
/// rejection naming its field, the process stays healthy, and the valid events around them count exactly.
/// </summary>
public sealed class FuzzTests
{
    private const int Batches = 80;
    private const int MalformedPerBatch = 100;
    private const int ValidPerBatch = 10;
    private const int BrokenBodies = 2_000;

    [Fact]
    public async Task Malformed_input_is_refused_one_by_one_and_the_valid_events_count_exactly()
    {
        await using var server = await LeaderboardServer.StartAsync();
        var tag = NewTag();
        var online = 0;
        var all = 0;
        var refused = 0;
        var failures = new ConcurrentBag<string>();

        // Batches of malformed events with valid ones mixed in, as JSON arrays and as NDJSON.
        var batches = new List<(List<FuzzCase> Cases, bool Ndjson)>();
        var generator = new MalformedEvents(new Random(20240606), tag);
        for (var b = 0; b < Batches; b++)
        {
            var ndjson = b % 2 == 1;
            var cases = new List<FuzzCase>();
            for (var i = 0; i < MalformedPerBatch; i++)
            {
                cases.Add(generator.Malformed(ndjson));
            }

            for (var i = 0; i < ValidPerBatch; i++)
            {
                cases.Add(generator.Valid(out var isOnline));
                online += isOnline ? 1 : 0;
                all++;
            }

            batches.Add((cases.OrderBy(_ => Guid.NewGuid()).ToList(), ndjson));
        }

        var bodies = Enumerable.Range(0, BrokenBodies).Select(_ => generator.BrokenBody()).ToList();

        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (batch, ct) =>
        {
            var body = batch.Ndjson
                ? string.Concat(batch.Cases.Select(c => c.Text.ReplaceLineEndings(" ") + "\n"))
                : "[" + string.Join(",", batch.Cases.Select(c => c.Text)) + "]";
            using var content = new StringContent(body, Encoding.UTF8, batch.Ndjson ? NdjsonType : JsonType);
            using var response = await EventsEndpoint.PostAsync(server, content);
            var answer = await IngestAnswer.OkAsync(response);
            var rejected = answer.GetProperty("rejected").EnumerateArray().ToDictionary(r => r.GetProperty("index").GetInt32());
            Assert.Equal(ValidPerBatch, answer.GetProperty("accepted").GetInt32());
            for (var i = 0; i < batch.Cases.Count; i++)
            {
                var c = batch.Cases[i];
                if (c.Field is null)
                {
                    if (rejected.TryGetValue(i, out var wrong))
                    {
                        failures.Add($"valid event rejected: {wrong.GetRawText()}");
                    }
                }
                else if (!rejected.TryGetValue(i, out var r))
                {
                    failures.Add($"{c.Kind} was not rejected: {c.Text[..Math.Min(200, c.Text.Length)]}");
                }
                else if (r.GetProperty("field").GetString() != c.Field || string.IsNullOrWhiteSpace(r.GetProperty("error").GetString()))
                {
                    failures.Add($"{c.Kind}: expected field {c.Field}, got {r.GetRawText()}");
                }
                else
                {
                    Interlocked.Increment(ref refused);
                }
            }
        });

        await Parallel.ForEachAsync(bodies, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (body, ct) =>
        {
            using var content = new StringContent(body, Encoding.UTF8, JsonType);
            using var response = await EventsEndpoint.PostAsync(server, content);
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                Interlocked.Increment(ref refused);
            }
            else
            {
                failures.Add($"body answered {(int)response.StatusCode}: {body[..Math.Min(120, body.Length)]}");
            }
        });

        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures.Take(20)));
        Assert.Equal((Batches * MalformedPerBatch) + BrokenBodies, refused);
        Assert.True(refused >= 10_000);

        using var live = await server.Client.GetAsync(new Uri("/health/live", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using var ready = await server.Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        await UnitNumbers.ExpectAsync(server, Unit, new DossierCount(online, all));
    }
}
