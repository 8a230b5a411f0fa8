using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Leaderboard.Tests.Infrastructure;
using static Leaderboard.Tests.Api.SampleEvents;

namespace Leaderboard.Tests.Security;

/// <summary>
/// <c>/api/v1/admin/keys</c> on an embedded node: every admin operation needs the admin key (401 without a valid key,
/// 403 for any other), keys are shown once, validated against the catalogue, revoked within a second, and an
/// API-created key writes only inside its scope.
/// </summary>
public sealed class KeyAdminTests(KeyAdminFixture fixture) : IClassFixture<KeyAdminFixture>
{
    private const string Sibling = "000.06.12.H37";
    private const string SiblingProcedure = "9.000201";
    private const string Parent = "000.00.12.H37";

    private readonly LeaderboardServer _server = fixture.Server;

    public static TheoryData<string, string> OperationsAndCallers()
    {
        var data = new TheoryData<string, string>();
        foreach (var operation in new[] { "create", "list", "revoke" })
        {
            foreach (var caller in new[] { "none", "unknown", "not-bearer", "integrator", "viewer", "configured", "revoked-admin-lookalike" })
            {
                data.Add(operation, caller);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OperationsAndCallers))]
    public async Task Every_admin_operation_needs_the_admin_key(string operation, string caller)
    {
        var tag = NewTag();
        var target = await AdminKeys.CreateAsync(_server, $"target-{tag}", ["000.07.12.H37"]);
        var integrator = await AdminKeys.CreateAsync(_server, $"integrator-{tag}", ["000.07.12.H37"]);
        var viewer = await AdminKeys.CreateAsync(_server, $"viewer-{tag}", kind: "viewer");
        var authorization = caller switch
        {
            "none" => null,
            "unknown" => "Bearer " + Convert.ToBase64String(Encoding.UTF8.GetBytes(tag)),
            "not-bearer" => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(LeaderboardServer.AdminKey + ":")),
            "integrator" => AdminKeys.Bearer(integrator),
            "viewer" => AdminKeys.Bearer(viewer),
            "configured" => "Bearer " + KeyAdminFixture.ConfiguredKey,
            _ => EventsEndpoint.Admin + " x",
        };
        var keysBefore = await ListAsync();

        using var response = operation switch
        {
            "create" => await AdminKeys.SendAsync(_server, HttpMethod.Post, AdminKeys.Path, new JsonObject { ["name"] = $"sneaky-{tag}", ["units"] = new JsonArray(Parent) }, authorization),
            "list" => await AdminKeys.SendAsync(_server, HttpMethod.Get, AdminKeys.Path, authorization: authorization),
            _ => await AdminKeys.SendAsync(_server, HttpMethod.Delete, $"{AdminKeys.Path}/{target.GetProperty("id").GetString()}", authorization: authorization),
        };

        var forbidden = caller is "integrator" or "viewer" or "configured";
        var problem = await IngestAnswer.ProblemAsync(response, forbidden ? HttpStatusCode.Forbidden : HttpStatusCode.Unauthorized);
        if (forbidden)
        {
            Assert.Equal("Khóa không có quyền quản trị", problem.GetProperty("title").GetString());
        }
        else
        {
            Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        }

        Assert.DoesNotContain("\"key\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Nothing happened: no key was added and the target still works.
        var keysAfter = await ListAsync();
        Assert.Equal(keysBefore.Select(k => (k.GetProperty("id").GetString(), k.GetProperty("revokedAt").ValueKind)), keysAfter.Select(k => (k.GetProperty("id").GetString(), k.GetProperty("revokedAt").ValueKind)));
        using var write = await EventsEndpoint.PostAsync(_server, Content("[]"), AdminKeys.Bearer(target));
        IngestAnswer.Tally(await IngestAnswer.OkAsync(write), accepted: 0, duplicates: 0);
    }

    [Fact]
    public async Task A_created_key_is_shown_once_listed_without_its_secret_and_writes_in_its_scope()
    {
        var tag = NewTag();
        var created = await AdminKeys.CreateAsync(_server, $"  Một cửa {tag}  ", ["000.07.12.H37", "000.07.12.H37"]);

        var key = created.GetProperty("key").GetString()!;
        Assert.Equal(43, key.Length);
        Assert.Equal(32, Convert.FromBase64String(key.Replace('-', '+').Replace('_', '/') + "=").Length);
        Assert.Equal($"Một cửa {tag}", created.GetProperty("name").GetString());
        Assert.Equal("integrator", created.GetProperty("kind").GetString());
        Assert.Equal(["000.07.12.H37"], created.GetProperty("units").EnumerateArray().Select(u => u.GetString()));
        Assert.True(created.GetProperty("canWrite").GetBoolean());
        var id = created.GetProperty("id").GetString()!;

        using var list = await AdminKeys.SendAsync(_server, HttpMethod.Get, AdminKeys.Path);
        var text = await list.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.DoesNotContain(key, text, StringComparison.Ordinal);
        Assert.DoesNotContain(KeyAdminFixture.ConfiguredKey, text, StringComparison.Ordinal);
        var listed = JsonDocument.Parse(text).RootElement.EnumerateArray().Single(k => k.GetProperty("id").GetString() == id);
        Assert.False(listed.TryGetProperty("key", out _));
        Assert.Equal("api", listed.GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("revokedAt").ValueKind);
        var configured = JsonDocument.Parse(text).RootElement.EnumerateArray().Single(k => k.GetProperty("id").GetString() == "config-0");
        Assert.Equal("configuration", configured.GetProperty("source").GetString());

        var before = await UnitNumbers.DossiersAsync(_server, Unit);
        using var write = await EventsEndpoint.PostAsync(_server, Content(Array(Received($"created-{tag}", $"D-{tag}"))), "Bearer " + key);
        IngestAnswer.Tally(await IngestAnswer.OkAsync(write), accepted: 1, duplicates: 0);
        await UnitNumbers.ExpectAsync(_server, Unit, before.Plus(online: 1, all: 1));
    }

    [Theory]
    [InlineData("""{"units":["000.07.12.H37"]}""", "name")]
    [InlineData("""{"name":"   ","units":["000.07.12.H37"]}""", "name")]
    [InlineData("""{"name":"x\u0007","units":["000.07.12.H37"]}""", "name")]
    [InlineData("""{"name":"x","units":["000.07.12.H37","000.99.12.H37"]}""", "units")]
    [InlineData("""{"name":"x","units":[]}""", "units")]
    [InlineData("""{"name":"x"}""", "units")]
    [InlineData("""{"name":"x","units":["000.07.12.H37"],"kind":"admin"}""", "kind")]
    [InlineData("""{"name":"x","units":["000.07.12.H37"],"kind":"viewer"}""", "units")]
    [InlineData("""{"name":"x","kind":"viewer","canWrite":true}""", "canWrite")]
    [InlineData("""{"name":"x","units":""", "body")]
    [InlineData("""{"name":"x","units":["000.07.12.H37"],"canWrite":"yes"}""", "canWrite")]
    [InlineData("""{"name":"x","units":"000.07.12.H37"}""", "units")]
    [InlineData("""{"name":"x","units":[12]}""", "units")]
    [InlineData("""{"name":7,"units":["000.07.12.H37"]}""", "name")]
    [InlineData("""{"Name":7,"units":["000.07.12.H37"]}""", "Name")]
    [InlineData("""["x"]""", "body")]
    [InlineData("""{"name":"x","units":["000.07.12.H37"]} {}""", "body")]
    [InlineData("", "body")]
    public async Task An_invalid_key_request_is_400_naming_the_field_and_creates_nothing(string body, string field)
    {
        var before = (await ListAsync()).Count;
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await SendRawAsync(content);

        var problem = await IngestAnswer.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(field, problem.GetProperty("field").GetString());
        // Words for the integrator, not .NET's: "could not be converted to System.Boolean" used to be the detail.
        Assert.DoesNotContain("System.", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("đúng kiểu của trường", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, (await ListAsync()).Count);
    }

    [Fact]
    public async Task An_unknown_unit_is_named_in_the_problem()
    {
        using var response = await AdminKeys.SendAsync(_server, HttpMethod.Post, AdminKeys.Path, new JsonObject { ["name"] = "x", ["units"] = new JsonArray("000.99.12.H37") });

        var problem = await IngestAnswer.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("units", problem.GetProperty("field").GetString());
        Assert.Contains("000.99.12.H37", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_request_of_another_type_is_415_and_one_over_the_limit_is_413()
    {
        using (var text = new StringContent("""{"name":"x","units":["000.07.12.H37"]}""", Encoding.UTF8, "text/plain"))
        using (var response = await SendRawAsync(text))
        {
            await IngestAnswer.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        }

        var padding = new string('a', 70 * 1024);
        using (var large = new StringContent($$"""{"name":"x","units":["000.07.12.H37"],"note":"{{padding}}"}""", Encoding.UTF8, "application/json"))
        using (var response = await SendRawAsync(large))
        {
            await IngestAnswer.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        }

        // Chunked (no Content-Length): counted while reading.
        using (var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($$"""{"name":"x","note":"{{padding}}"}"""))))
        {
            chunked.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.Address, AdminKeys.Path)) { Content = chunked };
            request.Headers.TransferEncodingChunked = true;
            using var response = await _server.Client.SendAsync(request);
            await IngestAnswer.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        }
    }

    [Fact]
    public async Task Revoking_an_unknown_key_is_404_and_a_configured_key_is_409()
    {
        using (var unknown = await AdminKeys.SendAsync(_server, HttpMethod.Delete, $"{AdminKeys.Path}/{Guid.NewGuid()}"))
        {
            await IngestAnswer.ProblemAsync(unknown, HttpStatusCode.NotFound);
        }

        using (var configured = await AdminKeys.SendAsync(_server, HttpMethod.Delete, $"{AdminKeys.Path}/config-0"))
        {
            await IngestAnswer.ProblemAsync(configured, HttpStatusCode.Conflict);
        }

        using var write = await EventsEndpoint.PostAsync(_server, Content("[]"), "Bearer " + KeyAdminFixture.ConfiguredKey);
        IngestAnswer.Tally(await IngestAnswer.OkAsync(write), accepted: 0, duplicates: 0);
    }

    [Fact]
    public async Task A_revoked_key_stops_working_within_one_second_and_stays_revoked()
    {
        var tag = NewTag();
        var created = await AdminKeys.CreateAsync(_server, $"revoke-{tag}", ["000.07.12.H37"]);
        using (var before = await EventsEndpoint.PostAsync(_server, Content("[]"), AdminKeys.Bearer(created)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var id = created.GetProperty("id").GetString()!;
        await AdminKeys.RevokeAsync(_server, id);
        var revokedAt = Stopwatch.StartNew();
        await Eventually.TrueAsync(
            async () =>
            {
                using var r = await EventsEndpoint.PostAsync(_server, Content("[]"), AdminKeys.Bearer(created));
                return r.StatusCode == HttpStatusCode.Unauthorized;
            },
            TimeSpan.FromSeconds(1),
            "the revoked key still worked");
        Assert.True(revokedAt.Elapsed < TimeSpan.FromSeconds(1), $"took {revokedAt.ElapsedMilliseconds} ms");

        using var after = await EventsEndpoint.PostAsync(_server, Content(Array(Received($"revoked-{tag}", $"D-{tag}"))), AdminKeys.Bearer(created));
        await IngestAnswer.ProblemAsync(after, HttpStatusCode.Unauthorized);
        var listed = (await ListAsync()).Single(k => k.GetProperty("id").GetString() == id);
        var first = listed.GetProperty("revokedAt").GetDateTimeOffset();

        // Revoking again is harmless and keeps the first time.
        await AdminKeys.RevokeAsync(_server, id);
        Assert.Equal(first, (await ListAsync()).Single(k => k.GetProperty("id").GetString() == id).GetProperty("revokedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_viewer_key_or_a_read_only_key_may_not_write()
    {
        var tag = NewTag();
        var viewer = await AdminKeys.CreateAsync(_server, $"viewer-{tag}", kind: "viewer");
        var readOnly = await AdminKeys.CreateAsync(_server, $"read-only-{tag}", ["000.07.12.H37"], canWrite: false);
        Assert.Equal("viewer", viewer.GetProperty("kind").GetString());
        Assert.False(viewer.GetProperty("canWrite").GetBoolean());
        Assert.Empty(viewer.GetProperty("units").EnumerateArray());

        foreach (var key in new[] { viewer, readOnly })
        {
            using var response = await EventsEndpoint.PostAsync(_server, Content(Array(Received($"viewer-{tag}", $"D-{tag}"))), AdminKeys.Bearer(key));
            var problem = await IngestAnswer.ProblemAsync(response, HttpStatusCode.Forbidden);
            Assert.Equal("Khóa không có quyền ghi", problem.GetProperty("title").GetString());
        }
    }

    [Fact]
    public async Task An_out_of_scope_event_by_unit_or_by_the_dossiers_current_unit_is_rejected_and_counted_nowhere()
    {
        var tag = NewTag();
        var key = AdminKeys.Bearer(await AdminKeys.CreateAsync(_server, $"scope-{tag}", ["000.07.12.H37"]));
        var moved = $"D-{tag}-moved";

        var parentBefore = await UnitNumbers.DossiersAsync(_server, Parent);

        // The sibling owns this dossier (the admin says so), so the scoped key may not touch it even naming its own unit.
        using (var admin = await EventsEndpoint.PostAsync(_server, Content(Array(Received($"scope-{tag}-0", moved, unit: Sibling, procedure: SiblingProcedure)))))
        {
            IngestAnswer.Tally(await IngestAnswer.OkAsync(admin), accepted: 1, duplicates: 0);
        }

        var own = await UnitNumbers.DossiersAsync(_server, Unit);
        var sibling = await Eventually.MatchesAsync(() => UnitNumbers.DossiersAsync(_server, Sibling), c => c.All > 0, TimeSpan.FromSeconds(15), "the sibling did not count its dossier");

        // The parent counts it too, maybe a little later than the sibling: each unit is sent its deltas on its own pace.
        var parent = await Eventually.MatchesAsync(() => UnitNumbers.DossiersAsync(_server, Parent), c => c.All > parentBefore.All, TimeSpan.FromSeconds(15), "the parent did not count the sibling's dossier");

        using var response = await EventsEndpoint.PostAsync(
            _server,
            Content(Array(
                Received($"scope-{tag}-1", $"D-{tag}-1", unit: Sibling, procedure: SiblingProcedure),
                Received($"scope-{tag}-2", $"D-{tag}-2", unit: Parent),
                Received($"scope-{tag}-3", moved),
                Paid($"scope-{tag}-4", moved),
                Received($"scope-{tag}-5", $"D-{tag}-5"))),
            key);

        IngestAnswer.Tally(
            await IngestAnswer.OkAsync(response),
            accepted: 1,
            duplicates: 0,
            new Rejected(0, $"scope-{tag}-1", "unit"),
            new Rejected(1, $"scope-{tag}-2", "unit"),
            new Rejected(2, $"scope-{tag}-3", "unit"),
            new Rejected(3, $"scope-{tag}-4", "unit"));

        // Only the one event in scope counts: for the key's unit, and once for the parent it rolls up to.
        await UnitNumbers.ExpectAsync(_server, Unit, own.Plus(online: 1, all: 1));
        await UnitNumbers.ExpectAsync(_server, Parent, parent.Plus(online: 1, all: 1));
        Assert.Equal(sibling, await UnitNumbers.DossiersAsync(_server, Sibling));
    }

    private async Task<List<JsonElement>> ListAsync()
    {
        using var response = await AdminKeys.SendAsync(_server, HttpMethod.Get, AdminKeys.Path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.Address, AdminKeys.Path)) { Content = content };
        return await _server.Client.SendAsync(request);
    }
}
