using System.Net;
using System.Text.Json;
using Leaderboard.Tests.Infrastructure;

namespace Leaderboard.Tests.Security;

/// <summary>
/// <c>/openapi/v1.json</c> describes every HTTP path of api.md (and the admin key paths) with Vietnamese-first summaries,
/// examples for every answer and the request bodies, and the bearer scheme; <c>/docs/api</c> serves Swagger UI from
/// this node (no CDN).
/// </summary>
public sealed class OpenApiTests(LeaderboardServerFixture fixture) : IClassFixture<LeaderboardServerFixture>
{
    private static readonly string[] SpecPaths =
    [
        "/api/v1/events",
        "/api/v1/campaigns",
        "/api/v1/campaigns/{campaign}",
        "/api/v1/campaigns/{campaign}/boards/{board}",
        "/api/v1/campaigns/{campaign}/units/{unit}",
        "/health/live",
        "/health/ready",
        "/api/v1/admin/keys",
        "/api/v1/admin/keys/{id}",
    ];

    private readonly LeaderboardServer _server = fixture.Server;

    [Fact]
    public async Task The_document_lists_every_path_with_a_summary_and_an_example_for_every_answer()
    {
        var document = await DocumentAsync();
        var paths = document.GetProperty("paths");
        Assert.Empty(SpecPaths.Except(paths.EnumerateObject().Select(p => p.Name)));

        foreach (var path in paths.EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var where = $"{operation.Name} {path.Name}";
                var summary = operation.Value.GetProperty("summary").GetString();
                Assert.False(string.IsNullOrWhiteSpace(summary), where);
                if (path.Name.StartsWith("/api/v1/admin/", StringComparison.Ordinal))
                {
                    Assert.Equal("Bearer", Assert.Single(Assert.Single(operation.Value.GetProperty("security").EnumerateArray()).EnumerateObject()).Name);
                }
                foreach (var response in operation.Value.GetProperty("responses").EnumerateObject())
                {
                    if (!response.Value.TryGetProperty("content", out var content))
                    {
                        Assert.Equal("204", response.Name);
                        continue;
                    }

                    foreach (var media in content.EnumerateObject())
                    {
                        Assert.True(media.Value.TryGetProperty("example", out var example), $"{where} {response.Name} {media.Name} has no example");
                        if (media.Name == "application/problem+json")
                        {
                            Assert.Equal(int.Parse(response.Name, System.Globalization.CultureInfo.InvariantCulture), example.GetProperty("status").GetInt32());
                            Assert.False(string.IsNullOrWhiteSpace(example.GetProperty("title").GetString()), where);
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public async Task The_events_operation_has_request_and_answer_examples_and_needs_a_bearer_key()
    {
        var document = await DocumentAsync();
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());

        var post = document.GetProperty("paths").GetProperty("/api/v1/events").GetProperty("post");
        Assert.Equal("Bearer", Assert.Single(Assert.Single(post.GetProperty("security").EnumerateArray()).EnumerateObject()).Name);
        var events = post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.Equal(3, events.GetArrayLength());
        Assert.Equal("dossier.received", events[0].GetProperty("type").GetString());
        Assert.Contains("payment.completed", post.GetProperty("requestBody").GetProperty("content").GetProperty("application/x-ndjson").GetProperty("example").GetString(), StringComparison.Ordinal);
        var answer = post.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.Equal(2, answer.GetProperty("accepted").GetInt32());
        Assert.Equal("unit", answer.GetProperty("rejected")[0].GetProperty("field").GetString());
        Assert.True(post.GetProperty("responses").GetProperty("429").GetProperty("headers").TryGetProperty("Retry-After", out _));
        // The answer's counts are integers, not "integer or string" (client generators made them union types).
        var result = document.GetProperty("components").GetProperty("schemas").GetProperty("IngestionResult").GetProperty("properties");
        Assert.Equal("integer", result.GetProperty("accepted").GetProperty("type").GetString());
        Assert.Equal("integer", result.GetProperty("duplicates").GetProperty("type").GetString());

        var create = document.GetProperty("paths").GetProperty("/api/v1/admin/keys").GetProperty("post");
        Assert.Equal("Bearer", Assert.Single(Assert.Single(create.GetProperty("security").EnumerateArray()).EnumerateObject()).Name);
        Assert.Equal("integrator", create.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Every_property_the_schemas_require_is_in_the_answers_and_figures_are_numbers()
    {
        var document = await DocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var board = await _server.GetAsync<JsonElement>($"/api/v1/campaigns/{UnitNumbers.Campaign}/boards/don-vi");
        var entries = board.GetProperty("entries");
        Assert.True(entries.GetArrayLength() > 1);

        // Units with enough data leave eligibilityGap out: a schema that required it failed strict clients.
        foreach (var entry in entries.EnumerateArray())
        {
            AssertHasRequired(schemas.GetProperty("EntryDto"), entry);
            var unit = await _server.GetAsync<JsonElement>($"/api/v1/campaigns/{UnitNumbers.Campaign}/units/{entry.GetProperty("unit").GetString()}");
            AssertHasRequired(schemas.GetProperty("UnitDto"), unit);
        }

        Assert.Equal("number", schemas.GetProperty("EntryDto").GetProperty("properties").GetProperty("score").GetProperty("type").GetString());
        var problem = schemas.GetProperty("ProblemDetails").GetProperty("properties");
        Assert.Equal("string", problem.GetProperty("field").GetProperty("type").GetString());
        Assert.Equal("integer", problem.GetProperty("processed").GetProperty("type").GetString());
    }

    [Fact]
    public async Task The_events_body_has_a_schema_per_type_that_its_examples_and_the_spec_examples_meet()
    {
        var document = await DocumentAsync();
        var body = document.GetProperty("paths").GetProperty("/api/v1/events").GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
        var types = body.GetProperty("schema").GetProperty("items").GetProperty("oneOf").EnumerateArray()
            .ToDictionary(t => t.GetProperty("title").GetString()!, StringComparer.Ordinal);
        Assert.Equal(["dossier.finished", "dossier.received", "dossier.voided", "payment.completed", "payment.refunded"], types.Keys.Order(StringComparer.Ordinal));

        // The reference's own examples, and every event the spec's worked examples accept.
        var events = body.GetProperty("example").EnumerateArray().ToList();
        foreach (var file in SpecExample.All())
        {
            var example = SpecExample.Load(file);
            events.AddRange(example.Events.Where((_, i) => example.Verdicts[i].GetProperty("verdict").GetString() != "rejected"));
        }

        Assert.NotEmpty(events);
        foreach (var e in events)
        {
            var type = types[e.GetProperty("type").GetString()!];
            AssertHasRequired(type, e);
            var properties = type.GetProperty("properties");
            foreach (var field in e.EnumerateObject())
            {
                if (properties.TryGetProperty(field.Name, out var schema) && schema.TryGetProperty("enum", out var values))
                {
                    Assert.Contains(field.Value.GetString(), values.EnumerateArray().Select(v => v.GetString()));
                }
            }
        }

        var csv = document.GetProperty("paths").GetProperty("/api/v1/admin/catalogue/units").GetProperty("put").GetProperty("requestBody").GetProperty("content");
        Assert.True(csv.TryGetProperty("text/csv", out _));
    }

    private static void AssertHasRequired(JsonElement schema, JsonElement value)
    {
        foreach (var name in schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()!))
        {
            Assert.True(value.TryGetProperty(name, out _), $"'{name}' is required by the schema but missing from {value}");
        }
    }

    [Theory]
    [InlineData("/docs/api", "text/html")]
    [InlineData("/docs/api/init.js", "text/javascript")]
    [InlineData("/lib/swagger-ui/swagger-ui-bundle.js", "text/javascript")]
    [InlineData("/lib/swagger-ui/swagger-ui.css", "text/css")]
    public async Task The_reference_page_and_what_it_loads_are_served_here(string path, string mediaType)
    {
        using var response = await _server.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(text.Length > 100, path);
        if (path == "/docs/api")
        {
            Assert.Contains("/lib/swagger-ui/swagger-ui-bundle.js", text, StringComparison.Ordinal);
            Assert.DoesNotContain("https://", text, StringComparison.Ordinal);
        }
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var response = await _server.Client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
