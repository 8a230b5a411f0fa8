using System.Security.Cryptography;
using System.Text;
using Leaderboard.Web.Hosting;
using Leaderboard.Web.Keys;
using Microsoft.Extensions.Options;

namespace Leaderboard.Web.Ingestion;

/// <summary>
/// Resolves a bearer key to a caller. Keys are held only as SHA-256 digests and never logged. Synchronous and cheap
/// (a digest and a dictionary look-up), because it runs for every request and every hub upload: the admin key and
/// the configured keys are fixed; the keys of the store are a snapshot that <see cref="KeyRefresher"/> replaces.
/// </summary>
public sealed class ApiKeys
{
    private readonly Dictionary<string, Caller> _fixed = new(StringComparer.Ordinal);
    private volatile Dictionary<string, Caller> _stored = new(StringComparer.Ordinal);

    public ApiKeys(IOptions<LeaderboardOptions> options, AdminKey adminKey)
    {
        _fixed[Digest(adminKey.Value)] = new Caller("admin", IsAdmin: true, CanWrite: true, Scope: null) { Id = "admin" };
        var keys = options.Value.Keys;
        for (var i = 0; i < keys.Count; i++)
        {
            var k = keys[i];
            if (!string.IsNullOrEmpty(k.Key))
            {
                _fixed[Digest(k.Key)] = new Caller(k.Name, IsAdmin: false, k.CanWrite, [.. k.Units]) { Id = ConfiguredId(i) };
            }
        }
    }

    /// <summary>The id under which the configured key at <paramref name="index"/> of <c>Leaderboard:Keys</c> is listed.</summary>
    public static string ConfiguredId(int index) => $"config-{index}";

    /// <summary>The caller for an <c>Authorization</c> header value, or null for a missing, malformed, unknown or revoked key.</summary>
    public Caller? Resolve(string? authorization)
    {
        const string Scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return ResolveKey(authorization[Scheme.Length..]);
    }

    /// <summary>The caller for a bare key (a cookie, a query parameter), or null.</summary>
    public Caller? ResolveKey(string? key)
    {
        key = key?.Trim();
        if (string.IsNullOrEmpty(key))
        {
            return null;
        }

        var digest = Digest(key);
        return _fixed.GetValueOrDefault(digest) ?? _stored.GetValueOrDefault(digest);
    }

    /// <summary>Replaces the store's keys with <paramref name="keys"/>; revoked ones are left out.</summary>
    public void Replace(IEnumerable<StoredKey> keys)
    {
        var next = new Dictionary<string, Caller>(StringComparer.Ordinal);
        foreach (var k in keys)
        {
            if (k.RevokedAt is null)
            {
                var scope = k.Kind == KeyKind.Viewer ? [] : k.Units;
                next[Convert.ToHexString(k.KeyHash)] = new Caller(k.Name, IsAdmin: false, k.CanWrite && k.Kind == KeyKind.Integrator, scope) { Id = k.Id };
            }
        }

        _stored = next;
    }

    private static string Digest(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
