using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Leaderboard.Web.Keys;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Leaderboard.Web.Api;

/// <summary>
/// What <c>/openapi/v1.json</c> says beyond what the endpoints declare: the bearer scheme and which operations need
/// which key, and an example for every answer (and for the request bodies). Served with an interactive reference at
/// <c>/docs/api</c>.
/// </summary>
public static class ApiDocumentation
{
    public const string BearerScheme = "Bearer";

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer(TransformDocument);
        options.AddOperationTransformer(TransformOperation);
        options.AddSchemaTransformer(TransformSchema);
    }

    /// <summary>
    /// Makes the schemas say what the answers hold: a property left out when null (<c>eligibilityGap</c>,
    /// <c>previousRank</c>) is not required; figures our converters write as JSON numbers have the number type; and
    /// problem details list the members api.md adds (<c>field</c>; the NDJSON 413's counts; a catalogue file's
    /// <c>file</c> and <c>line</c>).
    /// </summary>
    private static Task TransformSchema(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is null && schema.Format is "double" or "float")
        {
            schema.Type = JsonSchemaType.Number;
        }

        if (schema.Required is { Count: > 0 } required && context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object)
        {
            foreach (var property in context.JsonTypeInfo.Properties)
            {
                if (property.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), inherit: true) is [JsonIgnoreAttribute { Condition: JsonIgnoreCondition.WhenWritingNull or JsonIgnoreCondition.WhenWritingDefault }, ..])
                {
                    required.Remove(property.Name);
                }
            }
        }

        if (context.JsonTypeInfo.Type == typeof(Microsoft.AspNetCore.Mvc.ProblemDetails))
        {
            schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
            schema.Properties["field"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "Trường gây lỗi (\"body\" khi cả nội dung) — the field at fault (\"body\" for the whole body)",
            };
            schema.Properties["processed"] = Count("NDJSON 413: chỉ số của sự kiện đầu tiên chưa được lưu, gửi tiếp từ đó — the index of the first event not stored, to resume from");
            schema.Properties["accepted"] = Count("NDJSON 413: số sự kiện đã nhận trước đó — events accepted before it");
            schema.Properties["duplicates"] = Count("NDJSON 413: số sự kiện trùng trước đó — duplicates before it");
            schema.Properties["rejected"] = Count("NDJSON 413: số sự kiện bị từ chối trước đó — events rejected before it");
            schema.Properties["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Danh mục: tệp có lỗi — catalogue: the file at fault" };
            schema.Properties["line"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Description = "Danh mục: dòng có lỗi, đếm từ 1 — catalogue: the line at fault, counted from 1" };
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema Count(string description) => new() { Type = JsonSchemaType.Integer, Minimum = "0", Description = description };

    /// <summary>The body of a catalogue PUT: the file's text, CSV for units, procedures and assignments, JSON for a campaign.</summary>
    internal static Task DescribeCatalogueFileBody(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var campaign = operation.OperationId == "PutCampaign";
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = campaign
                ? "Nội dung tệp campaign-*.json (UTF-8, tối đa 20 MiB), như trong thư mục dữ liệu mẫu — the campaign file's JSON, as in the sample data (UTF-8, up to 20 MiB)."
                : "Nội dung tệp CSV (UTF-8, có thể có BOM, tối đa 20 MiB), cùng cột với tệp mẫu; thay cả tệp — the CSV file's text, with the sample's columns (UTF-8, BOM allowed, up to 20 MiB); replaces the whole file.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [campaign ? "application/json" : "text/csv"] = new() { Schema = new OpenApiSchema { Type = campaign ? JsonSchemaType.Object : JsonSchemaType.String } },
            },
        };
        return Task.CompletedTask;
    }

    private static Task TransformDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Bảng xếp hạng thi đua — Emulation campaign leaderboard",
            Version = "v1",
            Description =
                "Gửi sự kiện hồ sơ và thanh toán, đọc bảng xếp hạng và tiến độ của đơn vị. Khóa gửi trong tiêu đề "
                + "`Authorization: Bearer <khóa>`. Cập nhật trực tiếp qua SignalR tại `/hubs/leaderboard`.\n\n"
                + "Send dossier and payment events, read rankings and unit progress. Keys go in `Authorization: Bearer <key>`. "
                + "Live updates over SignalR at `/hubs/leaderboard`.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "Khóa quản trị, khóa tích hợp hoặc khóa xem — the admin key, an integrator key or a viewer key.",
        };
        return Task.CompletedTask;
    }

    private static Task TransformOperation(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var requirement = context.Description.ActionDescriptor.EndpointMetadata.OfType<KeyRequirement>().LastOrDefault((KeyRequirement)(-1));
        if (context.Description.RelativePath?.StartsWith("api/v1/admin/", StringComparison.Ordinal) == true)
        {
            // api.md: every admin operation needs the admin key, also those that check it in their handlers.
            requirement = KeyRequirement.Admin;
        }

        if (requirement is KeyRequirement.Admin or KeyRequirement.Writer or KeyRequirement.Viewer)
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
            if (requirement == KeyRequirement.Viewer)
            {
                // Open by default: the empty requirement says a key is optional unless Leaderboard:Viewers:RequireKey is on.
                operation.Security.Add(new OpenApiSecurityRequirement());
                operation.Description = "Mở cho mọi người, trừ khi bật Leaderboard:Viewers:RequireKey (khi đó cần khóa). "
                    + "Open unless Leaderboard:Viewers:RequireKey is on (then a key is needed).";
            }
        }

        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response.Content is not { } content)
            {
                continue;
            }

            foreach (var (mediaType, body) in content)
            {
                body.Example ??= mediaType == "application/problem+json"
                    ? ProblemExample(status)
                    : SuccessExample(operation.OperationId);
            }
        }

        if (operation.Responses is { } responses)
        {
            foreach (var status in new[] { "429", "503" })
            {
                if (responses.TryGetValue(status, out var r) && r is OpenApiResponse withHeaders)
                {
                    withHeaders.Headers ??= new Dictionary<string, IOpenApiHeader>();
                    withHeaders.Headers["Retry-After"] = new OpenApiHeader
                    {
                        Description = "Số giây nên chờ trước khi gửi lại — seconds to wait before retrying.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                    };
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The body of <c>POST /api/v1/admin/keys</c>, read by the handler itself (after the key check).</summary>
    internal static Task DescribeCreateKeyBody(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "Khóa tích hợp: tên và các đơn vị trong phạm vi (gồm cả đơn vị cấp dưới). Khóa xem: kind = \"viewer\", không có units. "
                + "An integrator key: a name and the units of its scope (with their descendants). A viewer key: kind \"viewer\", no units.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { "name" },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["name"] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 100, Description = "Ai giữ khóa — who holds the key" },
                            ["units"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String }, Description = "Mã đơn vị — unit codes" },
                            ["canWrite"] = new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = "Mặc định true — default true" },
                            ["kind"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("integrator"), JsonValue.Create("viewer")] },
                        },
                    },
                    Example = ApiExamples.CreateKeyRequest(),
                },
            },
        };
        return Task.CompletedTask;
    }

    private static JsonNode? SuccessExample(string? operationId) => operationId switch
    {
        "PostEvents" => ApiExamples.IngestionResult(),
        "CreateKey" => ApiExamples.CreatedKey(),
        "ListKeys" => ApiExamples.KeyList(),
        "ListCampaigns" => ApiExamples.Campaigns(),
        "GetCampaign" => ApiExamples.Campaign(),
        "GetBoard" => ApiExamples.Board(),
        "GetUnit" => ApiExamples.UnitProgress(),
        "GetCatalogueFiles" or "PutUnits" or "PutProcedures" or "PutAssignments" or "PutCampaign" or "DeleteCampaign" => ApiExamples.CatalogueListing(),
        "Live" => new JsonObject { ["status"] = "live" },
        "Ready" => new JsonObject { ["status"] = "ready" },
        _ => null,
    };

    private static JsonNode ProblemExample(string status) => status switch
    {
        "400" => ApiExamples.Problem(400, "Nội dung không phải JSON hợp lệ", "Không có sự kiện nào được lưu."),
        "401" => ApiExamples.Problem(401, "Thiếu khóa hoặc khóa không hợp lệ", "Gửi khóa trong tiêu đề Authorization: Bearer <khóa>."),
        "403" => ApiExamples.Problem(403, "Khóa không có quyền ghi", "Khóa 'chi-doc' không được phép gửi sự kiện."),
        "404" => ApiExamples.Problem(404, "Không tìm thấy đợt thi đua", "Không có đợt thi đua với mã 'khong-co'."),
        "409" => ApiExamples.Problem(409, "Khóa cấu hình không thu hồi được qua API", "Khóa 'config-0' được khai báo trong Leaderboard:Keys."),
        "413" => ApiExamples.Problem(413, "Nội dung quá lớn", "Giới hạn là 10 MiB cho kiểu nội dung này; hãy chia nhỏ lô sự kiện."),
        "415" => ApiExamples.Problem(415, "Kiểu nội dung không được hỗ trợ", "Dùng application/json (mảng JSON) hoặc application/x-ndjson."),
        "429" => ApiExamples.Problem(429, "Quá nhiều yêu cầu", "Khóa này đã dùng hết hạn mức yêu cầu; gửi lại sau 1 giây."),
        "503" => ApiExamples.Problem(503, "Kho lưu trữ tạm thời không sẵn sàng", "Gửi lại sau: sự kiện đã lưu trước sự cố sẽ được báo là trùng lặp."),
        _ => ApiExamples.Problem(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), "Lỗi", "Xem trường detail."),
    };
}
