using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using System.Text.Json;
using Leaderboard.Abstractions;
using Leaderboard.Domain.Events;
using Leaderboard.Web.Ingestion;
using Leaderboard.Web.Keys;
using Leaderboard.Web.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Leaderboard.Web.Api;

/// <summary><c>POST /api/v1/events</c>: a JSON array read whole, or NDJSON read as a stream (api.md).</summary>
public static partial class EventsApi
{
    /// <summary>A JSON array up to 10 MiB is always accepted.</summary>
    public const long JsonLimit = 10L * 1024 * 1024;

    /// <summary>An NDJSON stream up to 100 MiB is always accepted.</summary>
    public const long NdjsonLimit = 100L * 1024 * 1024;

    /// <summary>NDJSON lines are sent to the grains in batches of this many events.</summary>
    private const int NdjsonBatch = 2_000;

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        // The key is checked for the group, before the handler looks at the body or its type; then the key's rate limit.
        var group = app.MapGroup("/api/v1/events")
            .WithTags("Events")
            .RequireKey(KeyRequirement.Writer)
            .RequireRateLimiting(KeyRateLimiting.Policy);
        group.MapPost("", PostEventsAsync)
            .WithName("PostEvents")
            .WithSummary("Gửi sự kiện hồ sơ và thanh toán (mảng JSON hoặc NDJSON) — send dossier and payment events")
            // Documented by hand rather than with Accepts(): Accepts also filters routing, which answered a wrong
            // content type with a bare 415 before the handler (so before the key check and without problem details).
            .AddOpenApiOperationTransformer(DescribeBody)
            .Produces<IngestionResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static Task DescribeBody(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "Một mảng JSON các sự kiện (tối đa 10 MiB), hoặc NDJSON: mỗi dòng một sự kiện (tối đa 100 MiB). "
                + "A JSON array of events (up to 10 MiB), or NDJSON, one event per line (up to 100 MiB).",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new()
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Array, Items = EventSchemas.Event() },
                    Example = ApiExamples.EventsArray(),
                },
                ["application/x-ndjson"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Description = "Mỗi dòng một sự kiện như trong mảng JSON (UTF-8, dòng trống được bỏ qua) — one event per line, as in the JSON array (UTF-8; blank lines are skipped).",
                    },
                    Example = ApiExamples.EventsNdjson(),
                },
            },
        };
        return Task.CompletedTask;
    }

    /// <summary>The array, the event's object and its deepest value (<see cref="EventParser.MaxDepth"/>); deeper events the parser rejects one by one.</summary>
    private const int ArrayMaxDepth = EventParser.MaxDepth + 2;

    internal static async Task<Results<Ok<IngestionResult>, ProblemHttpResult>> PostEventsAsync(
        HttpContext context, EventParser parser, EventIngestion ingestion, CancellationToken cancellationToken)
    {
        var caller = context.GetCaller();
        var mediaType = context.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        var ndjson = mediaType is "application/x-ndjson" or "application/ndjson";
        if (!ndjson && mediaType is not null and not "application/json")
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Kiểu nội dung không được hỗ trợ", "Dùng application/json (mảng JSON) hoặc application/x-ndjson.");
        }

        var limit = ndjson ? NdjsonLimit : JsonLimit;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            // Our own limits apply (and answer 413 with problem details); Kestrel's default would cut NDJSON at 30 MB.
            size.MaxRequestBodySize = null;
        }

        if (context.Request.ContentLength is { } length && length > limit)
        {
            return TooLarge(limit, ndjson, length);
        }

        try
        {
            var tally = ndjson
                ? await ReadNdjsonAsync(context.Request.BodyReader, parser, ingestion, caller, limit, cancellationToken)
                : await ReadArrayAsync(context.Request.BodyReader, parser, ingestion, caller, limit, cancellationToken);
            return tally.Result is { } r ? TypedResults.Ok(r) : tally.Problem!;
        }
        catch (Exception ex) when (ex is StorageUnavailableException or TimeoutException)
        {
            // Said in the log too: an operator lining up a client's 503s with an outage had nothing to go by.
            LogUnavailable(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EventsApi)), ex.GetType().Name, ex.Message);
            return Unavailable(context);
        }
    }

    private static async Task<(IngestionResult? Result, ProblemHttpResult? Problem)> ReadArrayAsync(
        PipeReader body, EventParser parser, EventIngestion ingestion, Caller caller, long limit, CancellationToken cancellationToken)
    {
        ReadResult read;
        while (true)
        {
            read = await body.ReadAsync(cancellationToken);
            if (read.Buffer.Length > limit)
            {
                body.AdvanceTo(read.Buffer.Start);
                return (null, TooLarge(limit, ndjson: false, sent: null));
            }

            if (read.IsCompleted)
            {
                break;
            }

            body.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }

        // A byte-order mark is how some Windows tools start UTF-8 files; it is not content.
        var json = StartsWithBom(read.Buffer) ? read.Buffer.Slice(3) : read.Buffer;
        JsonDocument document;
        try
        {
            // Deep enough for any event an NDJSON line may carry (ArrayMaxDepth), so an event accepted on a line is
            // accepted in an array, and one just too deep is rejected alone by the parser. No deeper: the document's
            // cost grows with the square of the nesting (40,000 levels took a second, a million hung the request).
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = ArrayMaxDepth });
            document = JsonDocument.ParseValue(ref reader);
            if (reader.Read())
            {
                document.Dispose();
                throw new JsonException("trailing content after the array");
            }
        }
        catch (JsonException) when (NestsDeeperThan(json, ArrayMaxDepth))
        {
            body.AdvanceTo(read.Buffer.End);
            return (null, Problem(
                StatusCodes.Status400BadRequest,
                "Nội dung lồng quá sâu",
                $"Không có sự kiện nào được lưu: một phần tử lồng sâu hơn {EventParser.MaxDepth} cấp, và mảng JSON được đọc cả khối. "
                    + "Gửi NDJSON (Content-Type: application/x-ndjson) nếu muốn chỉ dòng đó bị từ chối.",
                "body"));
        }
        catch (JsonException ex)
        {
            var startsWithObject = FirstByte(read.Buffer) == (byte)'{';
            body.AdvanceTo(read.Buffer.End);
            var where = ex.LineNumber is { } line && ex.BytePositionInLine is { } position
                ? $" Lỗi ở dòng {line + 1}, byte {position + 1}."
                : "";
            var hint = startsWithObject
                ? " Nội dung bắt đầu bằng một đối tượng, không phải mảng: nếu mỗi dòng là một sự kiện, gửi với Content-Type: application/x-ndjson."
                : "";
            return (null, Problem(
                StatusCodes.Status400BadRequest,
                "Nội dung không phải JSON hợp lệ",
                $"Không có sự kiện nào được lưu.{where}{hint} ({JsonReaderPosition().Replace(ex.Message, string.Empty)})",
                "body"));
        }

        body.AdvanceTo(read.Buffer.End);
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return (null, Problem(StatusCodes.Status400BadRequest, "Nội dung phải là một mảng JSON", "Gửi một mảng các sự kiện, hoặc NDJSON với Content-Type application/x-ndjson.", "body"));
            }

            var outcomes = new List<ParseOutcome>(document.RootElement.GetArrayLength());
            foreach (var element in document.RootElement.EnumerateArray())
            {
                // The reader leaves strings' bytes unchecked; JSON text is UTF-8, so a body with other bytes is not JSON.
                var raw = JsonMarshal.GetRawUtf8Value(element);
                if (!Ascii.IsValid(raw) && !Utf8.IsValid(raw))
                {
                    return (null, Problem(
                        StatusCodes.Status400BadRequest,
                        "Nội dung không phải JSON hợp lệ",
                        $"Không có sự kiện nào được lưu. Phần tử {outcomes.Count} (đếm từ 0) chứa byte không phải UTF-8: gửi nội dung mã hóa UTF-8.",
                        "body"));
                }

                outcomes.Add(parser.Parse(element));
            }

            var tally = await ingestion.IngestAsync(outcomes, 0, caller);
            return (tally.ToResult(), null);
        }
    }

    private static async Task<(IngestionResult? Result, ProblemHttpResult? Problem)> ReadNdjsonAsync(
        PipeReader body, EventParser parser, EventIngestion ingestion, Caller caller, long limit, CancellationToken cancellationToken)
    {
        var total = new BatchTally();
        var batch = new List<ParseOutcome>(NdjsonBatch);
        var index = 0;
        var first = 0;
        long consumed = 0;
        while (true)
        {
            var read = await body.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            var left = buffer.Length;
            while (TryReadLine(ref buffer, read.IsCompleted, out var line))
            {
                // Exactly what the line took from the stream: its bytes and its newline, when it has one. Counting
                // a newline for every line let a stream of limit + 1 bytes through.
                consumed += left - buffer.Length;
                left = buffer.Length;
                if (consumed > limit)
                {
                    body.AdvanceTo(buffer.Start);
                    return (null, StreamTooLarge(limit, total, first));
                }

                if (IsBlank(line))
                {
                    continue;
                }

                batch.Add(line.IsSingleSegment ? parser.ParseLine(line.FirstSpan) : parser.ParseLine(line.ToArray()));
                index++;
                if (batch.Count == NdjsonBatch)
                {
                    // The batch is done with once ingested (the tally keeps copies), so its list is reused.
                    total.Add(await ingestion.IngestAsync(batch, first, caller));
                    batch.Clear();
                    first = index;
                }
            }

            if (consumed + buffer.Length > limit)
            {
                body.AdvanceTo(buffer.Start);
                return (null, StreamTooLarge(limit, total, first));
            }

            body.AdvanceTo(buffer.Start, buffer.End);
            if (read.IsCompleted)
            {
                break;
            }
        }

        if (batch.Count > 0)
        {
            total.Add(await ingestion.IngestAsync(batch, first, caller));
        }

        return (total.ToResult(), null);
    }

    private static bool TryReadLine(ref ReadOnlySequence<byte> buffer, bool completed, out ReadOnlySequence<byte> line)
    {
        var position = buffer.PositionOf((byte)'\n');
        if (position is { } p)
        {
            line = buffer.Slice(0, p);
            buffer = buffer.Slice(buffer.GetPosition(1, p));
            return true;
        }

        if (completed && !buffer.IsEmpty)
        {
            line = buffer;
            buffer = buffer.Slice(buffer.End);
            return true;
        }

        line = default;
        return false;
    }

    /// <summary>
    /// Whether the text reaches <paramref name="depth"/> levels before anything in it is not JSON: the array was refused
    /// for its depth, not its syntax. One pass of the reader, which costs the same at any depth (the document does not).
    /// </summary>
    private static bool NestsDeeperThan(ReadOnlySequence<byte> json, int depth)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = int.MaxValue });
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth >= depth)
                {
                    return true;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON before that depth: the syntax error is the answer.
        }

        return false;
    }

    /// <summary>The first byte that is not white space or a byte-order mark, or 0.</summary>
    private static byte FirstByte(ReadOnlySequence<byte> buffer)
    {
        foreach (var segment in (StartsWithBom(buffer) ? buffer.Slice(3) : buffer))
        {
            foreach (var b in segment.Span)
            {
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                {
                    return b;
                }
            }
        }

        return 0;
    }

    private static bool StartsWithBom(ReadOnlySequence<byte> buffer)
    {
        if (buffer.Length < 3)
        {
            return false;
        }

        Span<byte> head = stackalloc byte[3];
        buffer.Slice(0, 3).CopyTo(head);
        return head is [0xEF, 0xBB, 0xBF];
    }

    private static bool IsBlank(ReadOnlySequence<byte> line)
    {
        foreach (var segment in line)
        {
            foreach (var b in segment.Span)
            {
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// An NDJSON stream without a declared length is read and stored batch by batch, so when it goes over the limit the
    /// batches before are stored: the answer says what became of them (the 200 answer's fields) and from which event
    /// on nothing was stored (<c>processed</c>: the index of the first event not stored, which a sender resumes from).
    /// </summary>
    private static ProblemHttpResult StreamTooLarge(long limit, BatchTally stored, int processed)
    {
        var result = stored.ToResult();
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = StatusCodes.Status413PayloadTooLarge,
            Title = "Nội dung quá lớn",
            Detail = processed == 0
                ? $"Giới hạn là {limit / (1024 * 1024)} MiB cho kiểu nội dung này; không có sự kiện nào được lưu. Hãy chia nhỏ lô sự kiện."
                : $"Giới hạn là {limit / (1024 * 1024)} MiB cho kiểu nội dung này. {processed} sự kiện đầu tiên (chỉ số 0 đến {processed - 1}) "
                    + $"đã được xử lý như trong accepted, duplicates và rejected; từ chỉ số {processed} trở đi không có sự kiện nào được lưu: hãy gửi tiếp từ đó, chia nhỏ hơn.",
        };
        problem.Extensions["processed"] = processed;
        problem.Extensions["accepted"] = result.Accepted;
        problem.Extensions["duplicates"] = result.Duplicates;
        problem.Extensions["rejected"] = result.Rejected;
        return TypedResults.Problem(problem);
    }

    private static ProblemHttpResult TooLarge(long limit, bool ndjson, long? sent)
    {
        // In bytes: a body one byte over the limit is "10 MiB" rounded, which read as if the limit were not passed.
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        var size = sent is { } bytes ? string.Create(vi, $"Nội dung {bytes:N0} byte; ") : string.Empty;
        var what = ndjson ? "NDJSON" : "mảng JSON";
        var instead = ndjson ? string.Empty : " hoặc gửi NDJSON (Content-Type: application/x-ndjson, tới 100 MiB, đọc từng dòng)";
        return Problem(
            StatusCodes.Status413PayloadTooLarge,
            "Nội dung quá lớn",
            string.Create(vi, $"{size}giới hạn là {limit:N0} byte ({limit / (1024 * 1024)} MiB) cho {what}. Không có sự kiện nào được lưu; hãy chia nhỏ lô sự kiện{instead}."));
    }

    private static ProblemHttpResult Unavailable(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "2";
        return Problem(StatusCodes.Status503ServiceUnavailable, "Kho lưu trữ tạm thời không sẵn sàng", "Gửi lại sau: sự kiện đã lưu trước sự cố sẽ được báo là trùng lặp.");
    }

    /// <summary>The reader's own position at the end of its message ("Path: $ | LineNumber: 0 | BytePositionInLine: 10."),
    /// counted from 0: the problem already says where, counted from 1 as people count.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\s*(Path: [^|]*\|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.?")]
    private static partial System.Text.RegularExpressions.Regex JsonReaderPosition();

    internal static ProblemHttpResult Problem(int status, string title, string detail, string? field = null)
    {
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail };
        if (field is not null)
        {
            problem.Extensions["field"] = field;
        }

        return TypedResults.Problem(problem);
    }
}
