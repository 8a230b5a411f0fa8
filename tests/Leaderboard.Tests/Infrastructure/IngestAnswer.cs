using System.Net;
using System.Text.Json;

namespace Leaderboard.Tests.Infrastructure;

/// <summary>Assertions on the answers of <c>POST /api/v1/events</c> (api.md): the tally and RFC 9457 problems.</summary>
public static class IngestAnswer
{
    /// <summary>Asserts a 200 JSON answer and returns its body.</summary>
    public static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts an <c>application/problem+json</c> answer with this status, a title and a detail; returns it.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()), text);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()), text);
        return problem;
    }

    /// <summary>Asserts the exact tally: counts, and every rejection in index order with its id and field and a message (the exact one where given).</summary>
    public static void Tally(JsonElement answer, int accepted, int duplicates, params Rejected[] rejected)
    {
        Assert.Equal(accepted, answer.GetProperty("accepted").GetInt32());
        Assert.Equal(duplicates, answer.GetProperty("duplicates").GetInt32());
        var actual = answer.GetProperty("rejected").EnumerateArray().ToList();
        Assert.True(
            actual.Count == rejected.Length,
            $"expected {rejected.Length} rejections, got {answer.GetProperty("rejected").GetRawText()}");
        for (var i = 0; i < rejected.Length; i++)
        {
            var r = actual[i];
            Assert.Equal(rejected[i].Index, r.GetProperty("index").GetInt32());
            var id = r.GetProperty("id");
            if (rejected[i].Id is { } expectedId)
            {
                Assert.Equal(JsonValueKind.String, id.ValueKind);
                Assert.Equal(expectedId, id.GetString());
            }
            else
            {
                Assert.Equal(JsonValueKind.Null, id.ValueKind);
            }

            Assert.Equal(rejected[i].Field, r.GetProperty("field").GetString());
            Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("error").GetString()), r.GetRawText());
            if (rejected[i].Error is { } error)
            {
                Assert.Equal(error, r.GetProperty("error").GetString());
            }
        }
    }
}
