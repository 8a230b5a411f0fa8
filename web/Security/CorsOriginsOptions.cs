namespace Leaderboard.Web.Security;

/// <summary>Cross-origin access (section <c>Leaderboard:Cors</c>): closed unless origins are listed.</summary>
public sealed class CorsOriginsOptions
{
    public const string Section = "Leaderboard:Cors";

    /// <summary>Origins (<c>https://host[:port]</c>) whose pages may call the API from a browser. Default: none.</summary>
    public List<string> Origins { get; set; } = [];

    /// <summary>True when every origin is an absolute http(s) origin with no path, query or fragment.</summary>
    public bool OriginsAreValid() =>
        Origins.All(o => Uri.TryCreate(o, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.PathAndQuery == "/" && uri.Fragment.Length == 0 && !o.EndsWith('/'));
}
