namespace Leaderboard.Web.Security;

/// <summary>Per-key rate limits on writes (section <c>Leaderboard:RateLimit</c>): a token bucket for each key.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Leaderboard:RateLimit";

    /// <summary>Default true. False lifts every limit.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests each key may make per second, sustained (tokens added each second). Default 20.</summary>
    public int RequestsPerSecond { get; set; } = 20;

    /// <summary>Requests a key may make at once after a quiet spell (the bucket's size). Default 40.</summary>
    public int Burst { get; set; } = 40;

    /// <summary>Whether the admin key is limited too. Default false (api.md: the admin key is not rate-limited by default).</summary>
    public bool LimitAdmin { get; set; }
}
