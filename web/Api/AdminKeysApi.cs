using System.IO.Pipelines;
using System.Text.Json;
using Leaderboard.Domain.Catalogue;
using Leaderboard.Web.Hosting;
using Leaderboard.Web.Ingestion;
using Leaderboard.Web.Keys;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Leaderboard.Web.Api;

/// <summary>
/// <c>/api/v1/admin/keys</c>: integrator and viewer keys created, listed and revoked by the admin. A new key is 32
/// random bytes shown once in the answer to its creation; the store keeps only its SHA-256 digest.
/// </summary>
public static partial class AdminKeysApi
{
    /// <summary>A key request is a few hundred bytes; this is generous and still small.</summary>
    public const long BodyLimit = 64 * 1024;

    private const int MaxNameLength = 100;

    /// <summary>Maps the key endpoints under the admin group, whose filter already asked for the admin key.</summary>
    public static RouteGroupBuilder MapAdminKeysApi(this RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/keys");
        group.MapPost("", CreateAsync)
            .WithName("CreateKey")
            .WithSummary("Tạo khóa tích hợp hoặc khóa xem (khóa chỉ hiện một lần) — create a key, shown once")
            .AddOpenApiOperationTransformer(ApiDocumentation.DescribeCreateKeyBody)
            .Produces<KeyModels.CreatedKeyDto>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapGet("", ListAsync)
            .WithName("ListKeys")
            .WithSummary("Danh sách khóa, không kèm khóa bí mật — list keys, without secrets");
        group.MapDelete("/{id}", RevokeAsync)
            .WithName("RevokeKey")
            .WithSummary("Thu hồi một khóa (hết hiệu lực trong vòng một giây trên mọi nút) — revoke a key")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return admin;
    }

    internal static async Task<Results<Created<KeyModels.CreatedKeyDto>, ProblemHttpResult>> CreateAsync(
        HttpContext context,
        Catalogue catalogue,
        IKeyStore store,
        KeyRefresher refresher,
        TimeProvider time,
        IOptions<JsonOptions> json,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (!context.Request.HasJsonContentType())
        {
            return EventsApi.Problem(StatusCodes.Status415UnsupportedMediaType, "Kiểu nội dung không được hỗ trợ", "Gửi một đối tượng JSON với Content-Type application/json.");
        }

        if (context.Request.ContentLength > BodyLimit)
        {
            return TooLarge();
        }

        // Read up to the limit here rather than through Kestrel's limit, which closes the connection mid-request;
        // past it the answer is 413 and Kestrel drains what is left.
        var body = context.Request.BodyReader;
        ReadResult read;
        while (true)
        {
            read = await body.ReadAsync(cancellationToken);
            if (read.Buffer.Length > BodyLimit)
            {
                body.AdvanceTo(read.Buffer.Start);
                return TooLarge();
            }

            if (read.IsCompleted)
            {
                break;
            }

            body.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }

        KeyModels.CreateKeyRequest? request;
        try
        {
            var reader = new Utf8JsonReader(read.Buffer);
            request = JsonSerializer.Deserialize<KeyModels.CreateKeyRequest>(ref reader, json.Value.SerializerOptions);
            if (reader.Read())
            {
                throw new JsonException("trailing content after the object");
            }
        }
        catch (JsonException ex) when (ex.GetType() == typeof(JsonException) && FieldOf(ex.Path) is { } field)
        {
            // Valid JSON, a value of the wrong type: the field and the type it takes, not .NET's type names.
            return Invalid(field, $"Trường {field} sai kiểu: cần {ExpectedType(field)}.");
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line && ex.BytePositionInLine is { } position ? $" (lỗi ở dòng {line + 1}, vị trí {position + 1})" : string.Empty;
            return EventsApi.Problem(StatusCodes.Status400BadRequest, "Nội dung không phải JSON hợp lệ", $"Gửi một đối tượng {{ name, units, canWrite?, kind? }}{where}.", "body");
        }
        finally
        {
            body.AdvanceTo(read.Buffer.End);
        }

        if (request is null)
        {
            return EventsApi.Problem(StatusCodes.Status400BadRequest, "Thiếu nội dung", "Gửi một đối tượng { name, units, canWrite?, kind? }.", "body");
        }

        if (Validate(request, catalogue) is { } invalid)
        {
            return invalid;
        }

        var kind = request.Kind == "viewer" ? KeyKind.Viewer : KeyKind.Integrator;
        var now = time.GetUtcNow();
        var secret = KeySecret.Generate();
        var stored = new StoredKey(
            Guid.CreateVersion7(now).ToString(),
            request.Name!.Trim(),
            kind,
            KeySecret.Hash(secret),
            kind == KeyKind.Viewer ? [] : [.. request.Units!.Distinct(StringComparer.Ordinal)],
            kind == KeyKind.Integrator && (request.CanWrite ?? true),
            now,
            RevokedAt: null);
        await store.AddAsync(stored, cancellationToken);
        await refresher.RefreshAsync(cancellationToken);
        var logger = loggers.CreateLogger(typeof(AdminKeysApi));
        LogCreated(logger, stored.Id, stored.Name, kind);
        return TypedResults.Created(
            $"/api/v1/admin/keys/{stored.Id}",
            new KeyModels.CreatedKeyDto(stored.Id, stored.Name, KindName(kind), stored.Units, stored.CanWrite, secret, stored.CreatedAt));
    }

    internal static async Task<Ok<KeyModels.KeyDto[]>> ListAsync(IKeyStore store, IOptions<LeaderboardOptions> options, CancellationToken cancellationToken)
    {
        var configured = options.Value.Keys
            .Select((k, i) => (k, i))
            .Where(x => !string.IsNullOrEmpty(x.k.Key))
            .Select(x => new KeyModels.KeyDto(ApiKeys.ConfiguredId(x.i), x.k.Name, "integrator", [.. x.k.Units], x.k.CanWrite, null, null, "configuration"));
        var stored = (await store.ListAsync(cancellationToken))
            .Select(k => new KeyModels.KeyDto(k.Id, k.Name, KindName(k.Kind), k.Units, k.CanWrite, k.CreatedAt, k.RevokedAt, "api"));
        return TypedResults.Ok(configured.Concat(stored).ToArray());
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        string id,
        IKeyStore store,
        KeyRefresher refresher,
        TimeProvider time,
        IOptions<LeaderboardOptions> options,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (Enumerable.Range(0, options.Value.Keys.Count).Any(i => ApiKeys.ConfiguredId(i) == id))
        {
            return EventsApi.Problem(
                StatusCodes.Status409Conflict,
                "Khóa cấu hình không thu hồi được qua API",
                $"Khóa '{id}' được khai báo trong Leaderboard:Keys: xóa nó khỏi cấu hình rồi khởi động lại các nút.");
        }

        if (!await store.RevokeAsync(id, time.GetUtcNow(), cancellationToken))
        {
            return EventsApi.Problem(StatusCodes.Status404NotFound, "Không tìm thấy khóa", $"Không có khóa với mã '{id}'.");
        }

        await refresher.RefreshAsync(cancellationToken);
        var logger = loggers.CreateLogger(typeof(AdminKeysApi));
        LogRevoked(logger, id);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult? Validate(KeyModels.CreateKeyRequest request, Catalogue catalogue)
    {
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            return Invalid("name", $"Tên khóa là bắt buộc: 1–{MaxNameLength} ký tự, không có ký tự điều khiển.");
        }

        if (request.Kind is not (null or "integrator" or "viewer"))
        {
            return Invalid("kind", $"Loại khóa '{request.Kind}' không hợp lệ: dùng \"integrator\" hoặc \"viewer\".");
        }

        if (request.Kind == "viewer")
        {
            if (request.Units is { Count: > 0 })
            {
                return Invalid("units", "Khóa xem không có phạm vi đơn vị: bỏ trường units.");
            }

            return request.CanWrite == true ? Invalid("canWrite", "Khóa xem không được phép ghi.") : null;
        }

        if (request.Units is not { Count: > 0 })
        {
            return Invalid("units", "Khóa tích hợp cần ít nhất một mã đơn vị trong units (phạm vi gồm cả các đơn vị cấp dưới).");
        }

        foreach (var unit in request.Units)
        {
            if (string.IsNullOrWhiteSpace(unit) || catalogue.FindUnit(unit) is null)
            {
                return Invalid("units", $"Không có đơn vị với mã '{unit}'.");
            }
        }

        return null;
    }

    /// <summary>The request's field a deserialisation path points into (<c>$.units[0]</c>: units); null for the body itself.</summary>
    private static string? FieldOf(string? path)
    {
        if (path is null || !path.StartsWith("$.", StringComparison.Ordinal))
        {
            return null;
        }

        var name = path[2..];
        var end = name.IndexOfAny(['.', '[']);
        return end < 0 ? name : name[..end];
    }

    private static string ExpectedType(string field) => field.ToLowerInvariant() switch
    {
        "name" => "một chuỗi",
        "units" => "một mảng mã đơn vị (chuỗi)",
        "canwrite" => "true hoặc false",
        "kind" => "\"integrator\" hoặc \"viewer\"",
        _ => "đúng kiểu của trường",
    };

    private static ProblemHttpResult Invalid(string field, string detail) =>
        EventsApi.Problem(StatusCodes.Status400BadRequest, "Yêu cầu tạo khóa không hợp lệ", detail, field);

    private static ProblemHttpResult TooLarge() =>
        EventsApi.Problem(StatusCodes.Status413PayloadTooLarge, "Nội dung quá lớn", $"Yêu cầu tạo khóa không được vượt quá {BodyLimit / 1024} KiB.");

    private static string KindName(KeyKind kind) => kind == KeyKind.Viewer ? "viewer" : "integrator";
}
