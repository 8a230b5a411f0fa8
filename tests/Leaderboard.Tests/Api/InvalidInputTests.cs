using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Leaderboard.Abstractions.Ledger;
using Leaderboard.Tests.Infrastructure;
using static Leaderboard.Tests.Api.SampleEvents;

namespace Leaderboard.Tests.Api;

/// <summary>
/// Every invalid input of events.md, through HTTP on a real node: a whole request that cannot be read is a problem
/// answer and stores nothing; an event that breaks a rule is rejected alone, naming its field, and the valid events
/// of the same batch are accepted and counted.
/// </summary>
public sealed class InvalidInputTests(LeaderboardServerFixture fixture) : IClassFixture<LeaderboardServerFixture>
{
    /// <summary>Chi cục Thủy lợi, assigned 9.000401: only the JSON size tests write here, so their numbers stay apart.</summary>
    private const string SizeUnit = "000.08.12.H37";

    private const string SizeProcedure = "9.000401";

    /// <summary>Chi cục Phát triển nông thôn, assigned 9.000501: only the NDJSON size test writes here.</summary>
    private const string StreamUnit = "000.09.12.H37";

    private const string StreamProcedure = "9.000501";

    private const long MiB = 1024 * 1024;

    private readonly LeaderboardServer _server = fixture.Server;

    // ---- Whole requests that cannot be read --------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(BrokenArrays))]
    public async Task A_broken_JSON_array_is_400_and_stores_none_of_its_events(string shape, string template)
    {
        var tag = NewTag();
        var a = Received($"broken-{tag}-a", $"D-{tag}-a");
        var b = Received($"broken-{tag}-b", $"D-{tag}-b", channel: "direct");
        var before = await UnitNumbers.DossiersAsync(_server, Unit);

        using var broken = await PostAsync(Content(template.Replace("@A", Text(a), StringComparison.Ordinal).Replace("@B", Text(b), StringComparison.Ordinal)));
        await IngestAnswer.ProblemAsync(broken, HttpStatusCode.BadRequest);
        Assert.Equal(before, await UnitNumbers.DossiersAsync(_server, Unit));

        // Had the broken request stored anything, these would come back as duplicates.
        using var valid = await PostAsync(Content(Array(a, b)));
        IngestAnswer.Tally(await IngestAnswer.OkAsync(valid), accepted: 2, duplicates: 0);
        await UnitNumbers.ExpectAsync(_server, Unit, before.Plus(online: 1, all: 2));
        _ = shape; // names the case in the test list
    }

    [Fact]
    public async Task A_JSON_array_that_starts_with_a_byte_order_mark_is_read()
    {
        var tag = NewTag();
        var before = await UnitNumbers.DossiersAsync(_server, Unit);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Array(Received($"bom-{tag}", $"D-{tag}")))).ToArray();
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await PostAsync(content);

        IngestAnswer.Tally(await IngestAnswer.OkAsync(response), accepted: 1, duplicates: 0);
        await UnitNumbers.ExpectAsync(_server, Unit, before.Plus(online: 1, all: 1));
    }

    [Fact]
    public async Task A_JSON_array_with_bytes_that_are_not_UTF_8_is_400_and_stores_none_of_its_events()
    {
        var tag = NewTag();
        var good = Received($"utf8-{tag}-a", $"D-{tag}-a");
        var spoilt = Encoding.UTF8.GetBytes(Text(Received($"utf8-{tag}-b", $"D-{tag}-b@")));
        spoilt[System.Array.IndexOf(spoilt, (byte)'@')] = 0xE0;
        var before = await UnitNumbers.DossiersAsync(_server, Unit);
        using var content = new ByteArrayContent([.. "["u8, .. Encoding.UTF8.GetBytes(Text(good)), .. ","u8, .. spoilt, .. "]"u8]);
        content.Headers.ContentType = new MediaTypeHeaderValue(JsonType);

        using var response = await PostAsync(content);

        var problem = await IngestAnswer.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("body", problem.GetProperty("field").GetString());
        Assert.Contains("UTF-8", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var valid = await PostAsync(Content(Array(good)));
        IngestAnswer.Tally(await IngestAnswer.OkAsync(valid), accepted: 1, duplicates: 0);
        await UnitNumbers.ExpectAsync(_server, Unit, before.Plus(online: 1, all: 1));
    }

    [Fact]
    public async Task NDJSON_sent_as_a_JSON_array_is_400_with_a_hint_to_the_content_type()
    {
        var tag = NewTag();
        using var response = await PostAsync(Content(Ndjson(Text(Received($"hint-{tag}-a", $"D-{tag}-a")), Text(Received($"hint-{tag}-b", $"D-{tag}-b")))));

        var problem = await IngestAnswer.ProblemAsync(response, HttpStatusCode.BadRequest);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.StartsWith("Không có sự kiện nào được lưu. Lỗi ở dòng 2, byte 1.", detail, StringComparison.Ordinal);
        Assert.Contains("application/x-ndjson", detail, StringComparison.Ordinal);
        // One way of counting: the reader's own position, from 0, is not repeated after ours.
        Assert.DoesNotContain("LineNumber", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_nested_as_deep_as_a_line_may_be_is_accepted_in_an_array_and_deeper_ones_are_refused_cheaply()
    {
        // An extra field nested 255 deep is accepted on an NDJSON line; it used to make a JSON array with it a
        // whole-batch 400 (the array's reader counted the array too). Much deeper: NDJSON rejects that line alone; an
        // array, read as one document, is refused whole and says so, because the document's cost grows with the square
        // of the nesting (a million levels hung the request).
        var tag = NewTag();
        var before = await UnitNumbers.DossiersAsync(_server, Unit);
        string Deep(JsonNode e, int depth) => Text(e)[..^1] + ",\"x\":" + new string('[', depth) + new string(']', depth) + "}";
        JsonNode Event(string name) => Received($"deep-{tag}-{name}", $"D-{tag}-{name}");

        using (var array = await PostAsync(Content(Array(Deep(Event("a0"), 255), Text(Event("a1"))))))
        {
            IngestAnswer.Tally(await IngestAnswer.OkAsync(array), accepted: 2, duplicates: 0);
        }

        using (var lines = await PostAsync(Content(Ndjson(Deep(Event("n0"), 255), Deep(Event("n1"), 300), Text(Event("n2"))), NdjsonType)))
        {
            IngestAnswer.Tally(await IngestAnswer.OkAsync(lines), accepted: 2, duplicates: 0, new Rejected(1, null, "body"));
        }

        foreach (var depth in new[] { 300, 1_000_000 })
        {
            using var deeper = await PostAsync(Content(Array(Deep(Event($"d{depth}"), depth), Text(Event($"e{depth}")))));
            var problem = await IngestAnswer.ProblemAsync(deeper, HttpStatusCode.BadRequest);
            Assert.Equal("Nội dung lồng quá sâu", problem.GetProperty("title").GetString());
            Assert.Equal("body", problem.GetProperty("field").GetString());
        }

        await UnitNumbers.ExpectAsync(_server, Unit, before.Plus(online: 4, all: 4));
    }

    public static TheoryData<string, string> BrokenArrays() => new()
    {
        { "truncated inside an element", """[@A,@B,{"id":"x","type":""" },
        { "no closing bracket", "[@A,@B" },
        { "missing comma between elements", "[@A @B]" },
        { "trailing comma", "[@A,@B,]" },
        { "a second array after the first", "[@A,@B][]" },
        { "text after the array", "[@A,@B] ok" },
        { "a bare word as an element", "[@A,@B,nope]" },
        { "an unterminated string", """[@A,@B,{"id":"x]""" },
        { "single quotes", "[@A,@B,{'id':'x'}]" },
        { "a comment", "[@A,/* ghi chú */@B]" },
        { "NaN", "[@A,@B,NaN]" },
        { "an invalid escape", """[@A,@B,"\x"]""" },
    };

    [Theory]
    [InlineData("an object", "@EVENT")]
    [InlineData("a number", "42")]
    [InlineData("a string", "\"[]\"")]
    [InlineData("null", "null")]
    [InlineData("true", "true")]
    public async Task A_body_that_is_JSON_but_not_an_array_is_400(string shape, string body)
    {
        var tag = NewTag();
        var e = Received($"not-array-{tag}", $"D-{tag}");
        var before = await UnitNumbers.DossiersAsync(_server, Unit);

        using var response = await PostAsync(Content(body.Replace("@EVENT", Text(e), StringComparison.Ordinal)));
        await IngestAnswer.ProblemAsync(response, HttpStatusCode.BadRequest);

        using var valid = await PostAsync(Content(Array(e)));
        IngestAnswer.Tally(await IngestAnswer.OkAsync(valid), accepted: 1, duplicates: 0);
        await UnitNumbers.ExpectAsync(_server, Unit, before.Plus(online: 1, all: 1));
        _ = shape; // names the case in the test list
    }

    [Theory]
    [InlineData("application/json", "")]
    [InlineData("application/json", "  \r\n\t ")]
    [InlineData(null, "")]
    public async Task An_empty_body_is_400(string? mediaType, string body)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (mediaType is not null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        }

        using var response = await PostAsync(content);

        await IngestAnswer.ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("text/csv")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=ranh-gioi")]
    public async Task An_unsupported_content_type_is_415_and_stores_nothing(string mediaType)
    {
        var tag = NewTag();
        var e = Received($"media-{tag}", $"D-{tag}");
        var before = await UnitNumbers.DossiersAsync(_server, Unit);
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Array(e)));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);

        using var response = await PostAsync(content);
        await IngestAnswer.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);

        using var valid = await PostAsync(Content(Array(e)));
        IngestAnswer.Tally(await IngestAnswer.OkAsync(valid), accepted: 1, duplicates: 0);
        await UnitNumbers.ExpectAsync(_server, Unit, before.Plus(online: 1, all: 1));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_JSON_array_of_10_MiB_is_accepted_and_one_byte_more_is_413(bool declaredLength)
    {
        var tag = NewTag();
        var events = Enumerable.Range(0, 3)
            .Select(i => Received($"size-{tag}-{i}", $"D-{tag}-{i}", unit: SizeUnit, procedure: SizeProcedure))
            .ToArray();
        var head = Encoding.UTF8.GetBytes(Array(events)[..^1]);
        var tail = "]"u8.ToArray();
        var before = await UnitNumbers.DossiersAsync(_server, SizeUnit);

        using var over = await PostAsync(Body(head, " "u8.ToArray(), (10 * MiB) + 1 - head.Length - tail.Length, tail, declaredLength));
        var problem = await IngestAnswer.ProblemAsync(over, HttpStatusCode.RequestEntityTooLarge);
        // It says what to do: smaller batches, or NDJSON, whose limit is ten times this one; and, in bytes, by how much
        // (a declared length only: a body sent without one is cut where the limit is reached).
        var detail = problem.GetProperty("detail").GetString();
        Assert.Contains("application/x-ndjson", detail, StringComparison.Ordinal);
        Assert.Contains("giới hạn là 10.485.760 byte (10 MiB)", detail, StringComparison.Ordinal);
        if (declaredLength)
        {
            Assert.StartsWith("Nội dung 10.485.761 byte;", detail, StringComparison.Ordinal);
        }

        using var exact = await PostAsync(Body(head, " "u8.ToArray(), (10 * MiB) - head.Length - tail.Length, tail, declaredLength));
        IngestAnswer.Tally(await IngestAnswer.OkAsync(exact), accepted: 3, duplicates: 0);
        await UnitNumbers.ExpectAsync(_server, SizeUnit, before.Plus(online: 3, all: 3));
    }

    [Fact]
    public async Task An_NDJSON_stream_of_100_MiB_is_accepted_and_one_byte_more_is_413_telling_what_was_stored()
    {
        // Generated while sent (chunked, no Content-Length), so only the server's own count can refuse it; blank
        // filler lines keep the work on the byte limit, and every line, the last too, ends with a newline.
        var tag = NewTag();
        var line = Encoding.UTF8.GetBytes(new string(' ', 1023) + "\n");

        byte[] Lines(string prefix, int count) => Encoding.UTF8.GetBytes(Ndjson(
            [.. Enumerable.Range(0, count).Select(i => Text(Received($"{prefix}-{tag}-{i}", $"D-{prefix}-{tag}-{i}", unit: StreamUnit, procedure: StreamProcedure)))]));

        // A whole batch of 2,000 events is stored before the limit is met; the answer says so, and where to resume.
        var overHead = Lines("ndjson-over", 2_000);
        var overTail = Lines("ndjson-over-tail", 2);
        using var over = await PostAsync(Body(overHead, line, (100 * MiB) + 1 - overHead.Length - overTail.Length, overTail, declaredLength: false, NdjsonType));
        var problem = await IngestAnswer.ProblemAsync(over, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(2_000, problem.GetProperty("processed").GetInt32());
        Assert.Equal(2_000, problem.GetProperty("accepted").GetInt32());
        Assert.Equal(0, problem.GetProperty("duplicates").GetInt32());
        Assert.Equal(0, problem.GetProperty("rejected").GetArrayLength());
        // The last stored event comes back a duplicate; the events after the limit were not stored.
        var lastStored = Text(Received($"ndjson-over-{tag}-1999", $"D-ndjson-over-{tag}-1999", unit: StreamUnit, procedure: StreamProcedure));
        using var resent = await PostAsync(Content(Ndjson(lastStored) + Encoding.UTF8.GetString(overTail), NdjsonType));
        IngestAnswer.Tally(await IngestAnswer.OkAsync(resent), accepted: 2, duplicates: 1);

        var head = Lines("ndjson-exact", 2);
        var tail = Lines("ndjson-exact-tail", 2);
        using var exact = await PostAsync(Body(head, line, (100 * MiB) - head.Length - tail.Length, tail, declaredLength: false, NdjsonType));
        IngestAnswer.Tally(await IngestAnswer.OkAsync(exact), accepted: 4, duplicates: 0);
    }

    // ---- One event breaks a rule: it alone is rejected, naming its field ---------------------------------------

    [Theory]
    [MemberData(nameof(RuleBreakers))]
    public async Task An_event_that_breaks_a_rule_is_rejected_alone_naming_its_field(string rule, string field, string template)
    {
        var tag = NewTag();
        var id = $"rule-{tag}-x";
        var future = TimeProvider.System.GetUtcNow().AddMinutes(10).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var invalid = template
            .Replace("@ID", id, StringComparison.Ordinal)
            .Replace("@DOSSIER", $"D-{tag}-x", StringComparison.Ordinal)
            .Replace("@FUTURE", future, StringComparison.Ordinal);
        var expectedId = field != "id" && template.StartsWith('{') && template.Contains("\"id\":\"@ID\"", StringComparison.Ordinal) ? id : null;
        var before = await UnitNumbers.DossiersAsync(_server, Unit);

        using var response = await PostAsync(Content(Array(
            Text(Received($"rule-{tag}-a", $"D-{tag}-a")),
            invalid,
            Text(Received($"rule-{tag}-b", $"D-{tag}-b", channel: "direct")))));

        IngestAnswer.Tally(await IngestAnswer.OkAsync(response), accepted: 2, duplicates: 0, new Rejected(1, expectedId, field));
        await UnitNumbers.ExpectAsync(_server, Unit, before.Plus(online: 1, all: 2));
        _ = rule; // names the case in the test list
    }

    public static TheoryData<string, string, string> RuleBreakers()
    {
        var rows = new TheoryData<string, string, string>();
        void Add(string rule, string field, JsonObject e) => rows.Add(rule, field, Text(e));

        Add("id missing", "id", Drop(R(), "id"));
        Add("id empty", "id", Set(R(), "id", ""));
        Add("id of 129 characters", "id", Set(R(), "id", new string('i', 129)));
        Add("id with a control character", "id", Set(R(), "id", "@ID\u0007"));
        Add("id with a line break", "id", Set(R(), "id", "@ID\n"));
        Add("id a number", "id", Set(R(), "id", 42));

        Add("type missing", "type", Drop(R(), "type"));
        Add("type unknown", "type", Set(R(), "type", "dossier.deleted"));
        Add("type in another case", "type", Set(R(), "type", "Dossier.Received"));
        Add("type a number", "type", Set(R(), "type", 1));

        Add("occurredAt missing", "occurredAt", Drop(R(), "occurredAt"));
        Add("occurredAt without an offset", "occurredAt", Set(R(), "occurredAt", "2024-07-01T08:00:00"));
        Add("occurredAt a date only", "occurredAt", Set(R(), "occurredAt", "2024-07-01"));
        Add("occurredAt with a space for T", "occurredAt", Set(R(), "occurredAt", "2024-07-01 08:00:00+07:00"));
        Add("occurredAt month 13", "occurredAt", Set(R(), "occurredAt", "2024-13-01T08:00:00+07:00"));
        Add("occurredAt 30 February", "occurredAt", Set(R(), "occurredAt", "2024-02-30T08:00:00+07:00"));
        Add("occurredAt 29 February of a common year", "occurredAt", Set(R(), "occurredAt", "2023-02-29T08:00:00+07:00"));
        Add("occurredAt hour 25", "occurredAt", Set(R(), "occurredAt", "2024-07-01T25:00:00+07:00"));
        Add("occurredAt offset +15:00", "occurredAt", Set(R(), "occurredAt", "2024-07-01T08:00:00+15:00"));
        Add("occurredAt 10 minutes in the future", "occurredAt", Set(R(), "occurredAt", "@FUTURE"));
        Add("occurredAt in 2099", "occurredAt", Set(R(), "occurredAt", "2099-01-01T00:00:00Z"));
        Add("occurredAt a number", "occurredAt", Set(R(), "occurredAt", 1_719_795_600));

        Add("unit missing", "unit", Drop(R(), "unit"));
        Add("unit unknown", "unit", Set(R(), "unit", "000.99.12.H37"));
        Add("unit empty", "unit", Set(R(), "unit", ""));
        Add("unit an object", "unit", Set(R(), "unit", new JsonObject { ["code"] = Unit }));

        Add("dossier missing", "dossier", Drop(R(), "dossier"));
        Add("dossier empty", "dossier", Set(R(), "dossier", ""));
        Add("dossier of 65 characters", "dossier", Set(R(), "dossier", new string('d', 65)));
        Add("dossier a number", "dossier", Set(R(), "dossier", 12_345));

        Add("received: procedure missing", "procedure", Drop(R(), "procedure"));
        Add("received: procedure unknown", "procedure", Set(R(), "procedure", "9.999999"));
        Add("received: channel missing", "channel", Drop(R(), "channel"));
        Add("received: channel fax", "channel", Set(R(), "channel", "fax"));
        Add("received: channel Online", "channel", Set(R(), "channel", "Online"));
        Add("received: dueAt day 32", "dueAt", Set(R(), "dueAt", "2024-07-32"));
        Add("received: dueAt dd/MM/yyyy", "dueAt", Set(R(), "dueAt", "15/07/2024"));
        Add("received: dueAt date-time without offset", "dueAt", Set(R(), "dueAt", "2024-07-15T17:00:00"));
        Add("received: dueAt a number", "dueAt", Set(R(), "dueAt", 20_240_715));
        Add("finished: dueAt 30 February", "dueAt", Set(Finished("@ID", "@DOSSIER"), "dueAt", "2024-02-30"));

        Add("voided: reason missing", "reason", Drop(Voided("@ID", "@DOSSIER"), "reason"));
        Add("voided: reason empty", "reason", Voided("@ID", "@DOSSIER", reason: ""));
        Add("voided: reason blank", "reason", Voided("@ID", "@DOSSIER", reason: " \t\u00A0 "));
        Add("voided: reason of 1001 characters", "reason", Voided("@ID", "@DOSSIER", reason: new string('l', 1001)));
        Add("voided: reason an object", "reason", Set(Voided("@ID", "@DOSSIER"), "reason", new JsonObject { ["vi"] = "Nhập nhầm" }));

        Add("paid: payment missing", "payment", Drop(Paid("@ID", "@DOSSIER"), "payment"));
        Add("paid: payment empty", "payment", Paid("@ID", "@DOSSIER", payment: ""));
        Add("paid: payment of 65 characters", "payment", Paid("@ID", "@DOSSIER", payment: new string('p', 65)));
        Add("paid: amount missing", "amount", Drop(Paid("@ID", "@DOSSIER"), "amount"));
        Add("paid: amount 0", "amount", Paid("@ID", "@DOSSIER", amount: 0));
        Add("paid: amount -1", "amount", Paid("@ID", "@DOSSIER", amount: -1));
        Add("paid: amount 1.5", "amount", Set(Paid("@ID", "@DOSSIER"), "amount", 1.5m));
        Add("paid: amount 10^12 + 1", "amount", Paid("@ID", "@DOSSIER", amount: 1_000_000_000_001));
        Add("paid: amount as a string", "amount", Set(Paid("@ID", "@DOSSIER"), "amount", "80000"));
        Add("paid: amount null", "amount", Set(Paid("@ID", "@DOSSIER"), "amount", null));
        Add("paid: method missing", "method", Drop(Paid("@ID", "@DOSSIER"), "method"));
        Add("paid: method card", "method", Paid("@ID", "@DOSSIER", method: "card"));
        Add("paid: method Cash", "method", Paid("@ID", "@DOSSIER", method: "Cash"));
        Add("refunded: payment missing", "payment", Drop(Refunded("@ID", "@DOSSIER"), "payment"));
        Add("refunded: payment a number", "payment", Set(Refunded("@ID", "@DOSSIER"), "payment", 1));

        rows.Add("element a number", "body", "42");
        rows.Add("element an array", "body", Array(Text(R())));
        rows.Add("element null", "body", "null");
        rows.Add("element a string", "body", "\"dossier.received\"");

        var received = Text(R())[1..^1];
        rows.Add("type given twice", "type", "{" + received + ",\"type\":\"dossier.finished\"}");
        rows.Add("unit given twice", "unit", "{" + received + ",\"unit\":\"000.06.12.H37\"}");
        rows.Add("id given twice", "id", "{" + received + ",\"id\":\"@ID\"}");
        rows.Add("an unknown field given twice", "ghiChu", "{" + received + ",\"ghiChu\":\"a\",\"ghiChu\":\"b\"}");
        return rows;
    }

    [Fact]
    public async Task Values_at_the_edges_of_the_rules_are_accepted()
    {
        var tag = NewTag();
        var soon = TimeProvider.System.GetUtcNow().AddMinutes(4).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var before = await UnitNumbers.DossiersAsync(_server, Unit);
        var longId = $"edge-{tag}-" + new string('i', 128 - 16);
        var longDossier = $"D-{tag}-" + new string('d', 64 - 13);

        using var response = await PostAsync(Content(Array(
            Received(longId, $"D-{tag}-1"),
            Received($"edge-{tag}-2", longDossier, channel: "postal"),
            Set(Set(Received($"edge-{tag}-3", $"D-{tag}-3", channel: "direct"), "occurredAt", "2024-07-01T01:00:00.1234567+14:00"), "dueAt", null),
            Set(Received($"edge-{tag}-4", $"D-{tag}-4"), "dueAt", "2024-07-15T17:00:00-14:00"),
            Paid($"edge-{tag}-5", $"D-{tag}-1", payment: new string('p', 64), amount: 1),
            Paid($"edge-{tag}-6", $"D-{tag}-2", amount: 1_000_000_000_000, method: "transfer"),
            Set(Received($"edge-{tag}-7", $"D-{tag}-7"), "occurredAt", soon),
            Received($"edge-{tag}-8", $"D-{tag}-8"),
            Voided($"edge-{tag}-9", $"D-{tag}-8", reason: new string('l', 1000)))));

        IngestAnswer.Tally(await IngestAnswer.OkAsync(response), accepted: 9, duplicates: 0);
        Assert.Equal(128, longId.Length);
        Assert.Equal(64, longDossier.Length);

        // D-7 is dated now, after the campaign; D-8 is voided: neither counts.
        await UnitNumbers.ExpectAsync(_server, Unit, before.Plus(online: 2, all: 4));
    }

    [Fact]
    public async Task Hostile_but_well_formed_text_is_accepted_counted_and_stored_verbatim()
    {
        var tag = NewTag();
        var before = await UnitNumbers.DossiersAsync(_server, Unit);
        string[] hostile =
        [
            $"<script>alert(1)</script>{tag}",
            $"'; DROP TABLE journal; --{tag}",
            $"\u202Eabc\u202C\u200F{tag}",
            $"🏛️👩🏽‍💼{tag}",
            $"Nguyễn Thị Hoà{tag}",
            $"Z\u0335\u0321\u0352a\u0336\u0327l\u0334\u031Bg\u0337o{tag}",
        ];
        var events = new List<JsonObject>();
        for (var i = 0; i < hostile.Length; i++)
        {
            var e = Received($"hostile-{tag}-{i}", hostile[i]);
            e["ghiChu"] = hostile[(i + 1) % hostile.Length] + "\"}]{\\";
            events.Add(e);
        }

        events.Add(Received($"hostile-{tag}-void", $"D-{tag}-void"));
        events.Add(Voided($"hostile-{tag}-voided", $"D-{tag}-void", reason: string.Join(" ", hostile)));
        var body = Array([.. events]);

        using var first = await PostAsync(Content(body));
        IngestAnswer.Tally(await IngestAnswer.OkAsync(first), accepted: hostile.Length + 2, duplicates: 0);
        await UnitNumbers.ExpectAsync(_server, Unit, before.Plus(online: hostile.Length, all: hostile.Length));

        // Stored as sent: the very same text again is a duplicate of every event, nothing more.
        using var again = await PostAsync(Content(body));
        IngestAnswer.Tally(await IngestAnswer.OkAsync(again), accepted: 0, duplicates: hostile.Length + 2);
    }

    // ---- Re-used ids ------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_same_id_with_other_content_is_rejected_as_id_and_the_first_stands(bool sameBatch)
    {
        var tag = NewTag();
        var id = $"conflict-{tag}";
        var first = Received(id, $"D-{tag}");
        var second = Received(id, $"D-{tag}", channel: "direct");
        var before = await UnitNumbers.DossiersAsync(_server, Unit);

        if (sameBatch)
        {
            using var response = await PostAsync(Content(Array(first, second)));
            IngestAnswer.Tally(await IngestAnswer.OkAsync(response), accepted: 1, duplicates: 0, new Rejected(1, id, "id"));
        }
        else
        {
            using var one = await PostAsync(Content(Array(first)));
            IngestAnswer.Tally(await IngestAnswer.OkAsync(one), accepted: 1, duplicates: 0);
            using var two = await PostAsync(Content(Array(second)));
            IngestAnswer.Tally(await IngestAnswer.OkAsync(two), accepted: 0, duplicates: 0, new Rejected(0, id, "id"));
        }

        // Had the second (direct) replaced the first (online), the online count would not have moved.
        await UnitNumbers.ExpectAsync(_server, Unit, before.Plus(online: 1, all: 1));

        using var repeat = await PostAsync(Content(Array(first)));
        IngestAnswer.Tally(await IngestAnswer.OkAsync(repeat), accepted: 0, duplicates: 1);
    }

    [Theory]
    [InlineData(JsonType)]
    [InlineData(NdjsonType)]
    public async Task An_id_re_used_in_one_batch_for_dossiers_of_other_shards_keeps_the_first(string mediaType)
    {
        // Each dossier lives in its own ledger shard and shards are called at once: the first must stand all the same,
        // every time (before rounds, the winner was whichever shard reached the journal first).
        var before = await UnitNumbers.DossiersAsync(_server, Unit);
        const int Tries = 6;
        for (var attempt = 0; attempt < Tries; attempt++)
        {
            var tag = NewTag();
            var id = $"shards-{tag}";
            var dossiers = Enumerable.Range(0, 1000).Select(i => $"D-{tag}-{i}")
                .DistinctBy(d => LedgerSharding.ShardOf(d, LedgerSharding.DefaultShardCount))
                .Take(4)
                .ToArray();
            var events = dossiers.Select((d, i) => Text(Received(id, d, channel: i == 0 ? "online" : "direct"))).ToArray();

            using var response = await PostAsync(Content(mediaType == NdjsonType ? Ndjson(events) : Array(events), mediaType));

            IngestAnswer.Tally(await IngestAnswer.OkAsync(response), accepted: 1, duplicates: 0, new Rejected(1, id, "id"), new Rejected(2, id, "id"), new Rejected(3, id, "id"));
        }

        // Had a later (direct) one stood instead, the online count would be short.
        await UnitNumbers.ExpectAsync(_server, Unit, before.Plus(online: Tries, all: Tries));
    }

    [Theory]
    [InlineData(true, JsonType)]
    [InlineData(false, JsonType)]
    [InlineData(true, NdjsonType)]
    [InlineData(false, NdjsonType)]
    public async Task The_same_id_with_the_same_content_is_a_duplicate_whatever_the_key_order_and_spacing(bool sameBatch, string mediaType)
    {
        var tag = NewTag();
        var e = Received($"dup-{tag}", $"D-{tag}");
        var reordered = new JsonObject(e.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())).Reverse());
        // Indented output breaks lines only between tokens, so joining its lines keeps one event per NDJSON line.
        var spaced = reordered.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings(" ");
        string Wrap(params string[] items) => mediaType == NdjsonType ? Ndjson(items) : Array(items);
        var before = await UnitNumbers.DossiersAsync(_server, Unit);

        if (sameBatch)
        {
            using var response = await PostAsync(Content(Wrap(Text(e), spaced, Text(e)), mediaType));
            IngestAnswer.Tally(await IngestAnswer.OkAsync(response), accepted: 1, duplicates: 2);
        }
        else
        {
            using var one = await PostAsync(Content(Wrap(Text(e)), mediaType));
            IngestAnswer.Tally(await IngestAnswer.OkAsync(one), accepted: 1, duplicates: 0);
            using var two = await PostAsync(Content(Wrap(spaced), mediaType));
            IngestAnswer.Tally(await IngestAnswer.OkAsync(two), accepted: 0, duplicates: 1);
        }

        await UnitNumbers.ExpectAsync(_server, Unit, before.Plus(online: 1, all: 1));
    }

    [Fact]
    public async Task A_rejected_event_does_not_reserve_its_id()
    {
        var tag = NewTag();
        var id = $"reserve-{tag}";
        var before = await UnitNumbers.DossiersAsync(_server, Unit);

        using var rejected = await PostAsync(Content(Array(Received(id, $"D-{tag}", channel: "fax"))));
        IngestAnswer.Tally(await IngestAnswer.OkAsync(rejected), accepted: 0, duplicates: 0, new Rejected(0, id, "channel"));

        using var accepted = await PostAsync(Content(Array(Received(id, $"D-{tag}"))));
        IngestAnswer.Tally(await IngestAnswer.OkAsync(accepted), accepted: 1, duplicates: 0);
        await UnitNumbers.ExpectAsync(_server, Unit, before.Plus(online: 1, all: 1));
    }

    // ---- NDJSON -----------------------------------------------------------------------------------------------

    [Fact]
    public async Task An_NDJSON_line_that_is_not_JSON_is_rejected_as_body_at_its_index_among_non_blank_lines()
    {
        var tag = NewTag();
        var badUnit = Set(Received($"nd-{tag}-4", $"D-{tag}-4"), "unit", "000.99.12.H37");
        var body =
            Text(Received($"nd-{tag}-0", $"D-{tag}-0")) + "\r\n"
            + "\r\n"
            + "   \t \n"
            + "{\"id\":\"nd-" + tag + "-1\",\n"
            + "\n"
            + Text(Received($"nd-{tag}-2", $"D-{tag}-2", channel: "direct")) + "\r\n"
            + "[1,2]\n"
            + Text(badUnit) + "\n"
            + "\t\r\n"
            + Text(Received($"nd-{tag}-5", $"D-{tag}-5"));
        var before = await UnitNumbers.DossiersAsync(_server, Unit);

        using var response = await PostAsync(Content(body, NdjsonType));

        IngestAnswer.Tally(
            await IngestAnswer.OkAsync(response),
            accepted: 3,
            duplicates: 0,
            // The broken line's id was read before the break: it is given back, so the integrator knows which event it was.
            new Rejected(1, $"nd-{tag}-1", "body"),
            new Rejected(3, null, "body"),
            new Rejected(4, $"nd-{tag}-4", "unit"));
        await UnitNumbers.ExpectAsync(_server, Unit, before.Plus(online: 2, all: 3));
    }

    [Fact]
    public async Task NDJSON_indexes_stay_exact_across_thousands_of_lines()
    {
        var tag = NewTag();
        var lines = new StringBuilder();
        for (var i = 0; i < 2_100; i++)
        {
            if (i % 100 == 0)
            {
                lines.Append("\r\n");
            }

            lines.Append(i is 3 or 2_050 ? "not json" : Text(Received($"many-{tag}-{i}", $"D-{tag}-{i}", channel: i % 2 == 0 ? "online" : "direct")));
            lines.Append('\n');
        }

        var before = await UnitNumbers.DossiersAsync(_server, Unit);

        using var response = await PostAsync(Content(lines.ToString(), NdjsonType));

        IngestAnswer.Tally(await IngestAnswer.OkAsync(response), accepted: 2_098, duplicates: 0, new Rejected(3, null, "body"), new Rejected(2_050, null, "body"));
        await UnitNumbers.ExpectAsync(_server, Unit, before.Plus(online: 1_049, all: 2_098));
    }

    private static JsonObject R() => Received("@ID", "@DOSSIER");

    private static JsonObject Set(JsonObject e, string name, JsonNode? value)
    {
        e[name] = value;
        return e;
    }

    private static JsonObject Drop(JsonObject e, string name)
    {
        Assert.True(e.Remove(name));
        return e;
    }

    private static StreamContent Body(byte[] head, byte[] filler, long fillerLength, byte[] tail, bool declaredLength, string mediaType = JsonType)
    {
        var body = new GeneratedBodyStream(head, filler, fillerLength, tail);
        var content = new StreamContent(body, 64 * 1024);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        if (declaredLength)
        {
            content.Headers.ContentLength = body.TotalLength;
        }

        return content;
    }

    private Task<HttpResponseMessage> PostAsync(HttpContent content) => EventsEndpoint.PostAsync(_server, content);
}
