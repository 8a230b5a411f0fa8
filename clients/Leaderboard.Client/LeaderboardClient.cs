using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Leaderboard.Client;

/// <summary>
/// Sends events to a leaderboard node: over HTTP (<see cref="SendAsync"/>) or as a stream over the SignalR hub
/// (<see cref="StreamAsync"/>). Every retry is safe because an event carries its id: the server stores each event once
/// and answers a re-sent one as a duplicate. So count what the server holds as accepted + duplicates
/// (<see cref="IngestionAnswer.Stored"/>): after a retry, events stored by an attempt whose answer was lost come back as
/// duplicates, not as accepted.
/// </summary>
public sealed partial class LeaderboardClient : IDisposable
{
    /// <summary>Counts in messages as Vietnamese readers write them: 1.002 sự kiện.</summary>
    private static readonly System.Globalization.CultureInfo Vietnamese = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");

    private const string EventsPath = "api/v1/events";

    private static readonly MediaTypeHeaderValue JsonType = new("application/json");
    private static readonly MediaTypeHeaderValue NdjsonType = new("application/x-ndjson");

    private readonly LeaderboardClientOptions _options;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly ILogger _logger;

    /// <param name="options">Where, which key, how patiently.</param>
    /// <param name="httpClient">An HTTP client to use (for example from <c>IHttpClientFactory</c>); by default the client makes its own.</param>
    /// <param name="logger">Where retries are logged; never with the key.</param>
    public LeaderboardClient(LeaderboardClientOptions options, HttpClient? httpClient = null, ILogger<LeaderboardClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.BaseAddress);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRetries);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxInFlight, 1);
        _options = options;
        _ownsHttp = httpClient is null;
        // Attempts are timed by the client itself (RequestTimeout), so that a timed-out attempt can be retried.
        _http = httpClient ?? new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>
    /// Sends a batch with <c>POST /api/v1/events</c> (a JSON array, or NDJSON above
    /// <see cref="LeaderboardClientOptions.NdjsonThreshold"/> events) and returns the server's answer. On 503, 429, any
    /// other 5xx, a timeout or a network error it waits (the server's <c>Retry-After</c>, or capped exponential
    /// back-off with jitter) and sends the same batch again, up to <see cref="LeaderboardClientOptions.MaxRetries"/> times.
    /// </summary>
    /// <returns>Rejections carry their index in <paramref name="events"/>.</returns>
    /// <exception cref="LeaderboardClientException">A refusal that retrying cannot fix (401, 403, 400, 413, 415), or no attempt succeeded.</exception>
    public async Task<IngestionAnswer> SendAsync(IReadOnlyList<EventBody> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return IngestionAnswer.Empty;
        }

        var ndjson = events.Count > _options.NdjsonThreshold;
        var body = ndjson ? Ndjson(events) : JsonSerializer.SerializeToUtf8Bytes(events, ClientJson.Options);
        for (var attempt = 0; ; attempt++)
        {
            int? status = null;
            TimeSpan? retryAfter = null;
            Exception? error = null;
            using (var timeout = new CancellationTokenSource(_options.RequestTimeout, _options.Time))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
            {
                try
                {
                    using var request = Request(body, ndjson ? NdjsonType : JsonType);
                    using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
                    if (response.IsSuccessStatusCode)
                    {
                        return await response.Content.ReadFromJsonAsync<IngestionAnswer>(ClientJson.Options, linked.Token)
                            ?? throw new JsonException("empty answer");
                    }

                    status = (int)response.StatusCode;
                    if (!Retryable(response.StatusCode))
                    {
                        throw new LeaderboardClientException(await RefusalAsync(response, linked.Token), status);
                    }

                    retryAfter = RetryAfter(response);
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException or JsonException
                    || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    error = ex;
                }
            }

            if (attempt >= _options.MaxRetries)
            {
                throw new LeaderboardClientException(
                    string.Create(Vietnamese, $"Không gửi được {events.Count:N0} sự kiện sau {attempt + 1:N0} lần thử ({(status is { } s ? $"HTTP {s}" : error?.Message)})."), status, error);
            }

            var delay = retryAfter ?? Backoff.Delay(attempt, _options.InitialBackoff, _options.MaxBackoff);
            LogRetry(_logger, error, events.Count, status, attempt + 1, delay);
            _options.OnRetry?.Invoke(new RetryNotice(attempt + 1, delay, status, error));
            await Task.Delay(delay, _options.Time, cancellationToken);
        }
    }

    /// <summary>
    /// Streams events over the hub's <c>UploadEvents</c> and yields the server's acknowledgements, one per group of
    /// events it stored (rejection indexes count from the start of <paramref name="events"/>). At most
    /// <see cref="LeaderboardClientOptions.MaxInFlight"/> events are unacknowledged at a time; when the connection drops
    /// or the server reports storage unavailable, the client reconnects with back-off and sends the unacknowledged
    /// events again, so that every event is acknowledged exactly once in what this method yields. The sequence ends
    /// once every event of <paramref name="events"/> has been acknowledged.
    /// </summary>
    /// <exception cref="LeaderboardClientException">A wrong key (401, 403), or <see cref="LeaderboardClientOptions.MaxRetries"/> reconnects in a row without progress.</exception>
    public IAsyncEnumerable<IngestionAnswer> StreamAsync(IAsyncEnumerable<EventBody> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        return new HubUpload(_options, _logger).RunAsync(events, cancellationToken);
    }

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private static bool Retryable(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static byte[] Ndjson(IReadOnlyList<EventBody> events)
    {
        using var buffer = new MemoryStream();
        foreach (var e in events)
        {
            JsonSerializer.Serialize(buffer, e, ClientJson.Options);
            buffer.WriteByte((byte)'\n');
        }

        return buffer.ToArray();
    }

    private HttpRequestMessage Request(byte[] body, MediaTypeHeaderValue type)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = type;
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_options.BaseAddress, EventsPath)) { Content = content };
        if (!string.IsNullOrEmpty(_options.Key))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.Key);
        }

        return request;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _options.Time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static async Task<string> RefusalAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ClientJson.Options, cancellationToken);
            var title = problem.TryGetProperty("title", out var t) ? t.GetString() : null;
            var detail = problem.TryGetProperty("detail", out var d) ? d.GetString() : null;
            // Titles are short phrases without a full stop ("Thiếu khóa hoặc khóa không hợp lệ"): one is added before the detail.
            var sentence = string.IsNullOrEmpty(title) || string.IsNullOrEmpty(detail) || title.EndsWith('.') ? title : title + ".";
            return $"Máy chủ từ chối (HTTP {status}): {sentence} {detail}".TrimEnd();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException)
        {
            return $"Máy chủ từ chối (HTTP {status}).";
        }
    }
}
