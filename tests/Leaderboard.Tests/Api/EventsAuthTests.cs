using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Leaderboard.Tests.Infrastructure;
using static Leaderboard.Tests.Api.SampleEvents;

namespace Leaderboard.Tests.Api;

/// <summary>
/// Keys on <c>POST /api/v1/events</c> (api.md, Keys): no usable key is 401 with a Bearer challenge, a key that may not
/// write is 403, and an integrator key writes only inside its units' subtrees, event by event (<c>field</c> = "unit").
/// </summary>
public sealed class EventsAuthTests(EventsAuthFixture fixture) : IClassFixture<EventsAuthFixture>
{
    /// <summary>Chi cục Trồng trọt và Bảo vệ thực vật: a sibling of the scoped key's unit, assigned 9.000201.</summary>
    private const string Sibling = "000.06.12.H37";

    private const string SiblingProcedure = "9.000201";

    /// <summary>The Sở: the parent of both, outside the Chi cục key's scope.</summary>
    private const string Parent = "000.00.12.H37";

    private readonly LeaderboardServer _server = fixture.Server;

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer khoa-khong-ton-tai")]
    [InlineData("Bearer " + LeaderboardServer.AdminKey + "x")]
    [InlineData("Bearer ")]
    [InlineData("Bearer")]
    [InlineData(LeaderboardServer.AdminKey)]
    [InlineData("Basic dGVzdC1hZG1pbi1rZXk6")]
    [InlineData("Token " + LeaderboardServer.AdminKey)]
    [InlineData("ApiKey " + EventsAuthFixture.ChiCucKey)]
    public async Task A_request_without_a_usable_key_is_401_with_a_Bearer_challenge_and_stores_nothing(string? authorization)
    {
        var tag = NewTag();
        var e = Received($"auth-{tag}", $"D-{tag}");
        var before = await UnitNumbers.DossiersAsync(_server, Unit);

        using var response = await EventsEndpoint.PostAsync(_server, Content(Array(e)), authorization);

        await IngestAnswer.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        await AcceptedLaterAsync(e, Unit, before);
    }

    [Fact]
    public async Task Without_a_key_the_answer_is_401_before_the_body_or_its_type_is_looked_at()
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("[{"));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");

        using var response = await EventsEndpoint.PostAsync(_server, content, authorization: null);

        await IngestAnswer.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task A_key_that_may_not_write_is_403_and_stores_nothing()
    {
        var tag = NewTag();
        var e = Received($"read-only-{tag}", $"D-{tag}");
        var before = await UnitNumbers.DossiersAsync(_server, Unit);

        using var response = await EventsEndpoint.PostAsync(_server, Content(Array(e)), "Bearer " + EventsAuthFixture.ReadOnlyKey);

        await IngestAnswer.ProblemAsync(response, HttpStatusCode.Forbidden);
        await AcceptedLaterAsync(e, Unit, before);
    }

    [Fact]
    public async Task A_scoped_key_writes_for_its_own_unit_and_each_event_for_another_unit_is_rejected_as_unit()
    {
        var tag = NewTag();
        var sibling = Received($"scope-{tag}-1", $"D-{tag}-1", unit: Sibling, procedure: SiblingProcedure);
        var beforeOwn = await UnitNumbers.DossiersAsync(_server, Unit);
        var beforeSibling = await UnitNumbers.DossiersAsync(_server, Sibling);

        using var response = await EventsEndpoint.PostAsync(
            _server,
            Content(Array(
                Received($"scope-{tag}-0", $"D-{tag}-0"),
                sibling,
                Received($"scope-{tag}-2", $"D-{tag}-2", unit: Parent),
                Paid($"scope-{tag}-3", $"D-{tag}-3", unit: Sibling),
                Paid($"scope-{tag}-4", $"D-{tag}-0"))),
            "Bearer " + EventsAuthFixture.ChiCucKey);

        IngestAnswer.Tally(
            await IngestAnswer.OkAsync(response),
            accepted: 2,
            duplicates: 0,
            new Rejected(1, $"scope-{tag}-1", "unit", "đơn vị '000.06.12.H37' của sự kiện nằm ngoài phạm vi của khóa"),
            new Rejected(2, $"scope-{tag}-2", "unit", "đơn vị '000.00.12.H37' của sự kiện nằm ngoài phạm vi của khóa"),
            new Rejected(3, $"scope-{tag}-3", "unit", "đơn vị '000.06.12.H37' của sự kiện nằm ngoài phạm vi của khóa"));
        await UnitNumbers.ExpectAsync(_server, Unit, beforeOwn.Plus(online: 1, all: 1));

        // The refusal stored nothing and reserved no id: the admin may send the same event.
        await AcceptedLaterAsync(sibling, Sibling, beforeSibling);
    }

    [Fact]
    public async Task A_key_scoped_to_a_parent_writes_for_the_units_under_it()
    {
        var tag = NewTag();
        var beforeOwn = await UnitNumbers.DossiersAsync(_server, Unit);
        var beforeSibling = await UnitNumbers.DossiersAsync(_server, Sibling);

        using var response = await EventsEndpoint.PostAsync(
            _server,
            Content(Array(
                Received($"parent-{tag}-0", $"D-{tag}-0"),
                Received($"parent-{tag}-1", $"D-{tag}-1", unit: Sibling, procedure: SiblingProcedure, channel: "direct"),
                Received($"parent-{tag}-2", $"D-{tag}-2", unit: Parent))),
            "Bearer " + EventsAuthFixture.SoKey);

        IngestAnswer.Tally(await IngestAnswer.OkAsync(response), accepted: 3, duplicates: 0);
        await UnitNumbers.ExpectAsync(_server, Unit, beforeOwn.Plus(online: 1, all: 1));
        await UnitNumbers.ExpectAsync(_server, Sibling, beforeSibling.Plus(online: 0, all: 1));
    }

    [Fact]
    public async Task An_event_for_a_dossier_that_counts_for_another_unit_is_rejected_as_unit_for_a_scoped_key()
    {
        var tag = NewTag();
        var received = $"D-{tag}-received";
        var paidOnly = $"D-{tag}-paid";
        var beforeOwn = await UnitNumbers.DossiersAsync(_server, Unit);
        var beforeSibling = await UnitNumbers.DossiersAsync(_server, Sibling);

        using var admin = await EventsEndpoint.PostAsync(_server, Content(Array(
            Received($"owner-{tag}-0", received, unit: Sibling, procedure: SiblingProcedure),
            Paid($"owner-{tag}-1", paidOnly, unit: Sibling))));
        IngestAnswer.Tally(await IngestAnswer.OkAsync(admin), accepted: 2, duplicates: 0);
        await UnitNumbers.ExpectAsync(_server, Sibling, beforeSibling.Plus(online: 1, all: 1));

        // Each of these names the key's own unit, but its dossier counts for the sibling now; the last names the Sở,
        // outside the scope too. The answer names the unit at fault and says whose it is.
        using var scoped = await EventsEndpoint.PostAsync(
            _server,
            Content(Array(
                Received($"owner-{tag}-2", received),
                Paid($"owner-{tag}-3", received),
                Finished($"owner-{tag}-4", received),
                Received($"owner-{tag}-5", paidOnly),
                Received($"owner-{tag}-6", $"D-{tag}-own"),
                Received($"owner-{tag}-7", received, unit: Parent))),
            "Bearer " + EventsAuthFixture.ChiCucKey);

        const string Owned = "hồ sơ đang thuộc đơn vị '000.06.12.H37', nằm ngoài phạm vi của khóa";
        IngestAnswer.Tally(
            await IngestAnswer.OkAsync(scoped),
            accepted: 1,
            duplicates: 0,
            new Rejected(0, $"owner-{tag}-2", "unit", Owned),
            new Rejected(1, $"owner-{tag}-3", "unit", Owned),
            new Rejected(2, $"owner-{tag}-4", "unit", Owned),
            new Rejected(3, $"owner-{tag}-5", "unit", Owned),
            new Rejected(5, $"owner-{tag}-7", "unit", "đơn vị '000.00.12.H37' của sự kiện và đơn vị '000.06.12.H37' mà hồ sơ đang thuộc đều nằm ngoài phạm vi của khóa"));

        // Only the fresh dossier arrived at the key's unit; the sibling kept its dossier.
        await UnitNumbers.ExpectAsync(_server, Unit, beforeOwn.Plus(online: 1, all: 1));
        Assert.Equal(beforeSibling.Plus(online: 1, all: 1), await UnitNumbers.DossiersAsync(_server, Sibling));
    }

    /// <summary>Proves an earlier refusal stored nothing: the admin's copy is accepted, not a duplicate, and counted once.</summary>
    private async Task AcceptedLaterAsync(JsonObject e, string unit, DossierCount before)
    {
        using var response = await EventsEndpoint.PostAsync(_server, Content(Array(e)));
        IngestAnswer.Tally(await IngestAnswer.OkAsync(response), accepted: 1, duplicates: 0);
        var online = e["channel"]?.GetValue<string>() == "online" ? 1 : 0;
        await UnitNumbers.ExpectAsync(_server, unit, before.Plus(online, all: 1));
    }
}
