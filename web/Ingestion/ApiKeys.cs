using System.Security.Cryptography;
using System.Text;
using Leaderboard.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Leaderboard.Web.Ingestion;

/// <summary>Resolves a bearer key to a caller. Keys are held only as SHA-256 digests and never logged.</summary>
public sealed class ApiKeys
{
    private readonly Dictionary<string, Caller> _byDigest = new(StringComparer.Ordinal);

    public ApiKeys(IOptions<LeaderboardOptions> options, AdminKey adminKey)
    {
        _byDigest[Digest(adminKey.Value)] = new Caller("admin", IsAdmin: true, CanWrite: true, Scope: null);
        foreach (var k in options.Value.Keys)
        {
            if (!string.IsNullOrEmpty(k.Key))
            {
                _byDigest[Digest(k.Key)] = new Caller(k.Name, IsAdmin: false, k.CanWrite, [.. k.Units]);
            }
        }
    }

    /// <summary>The caller for an <c>Authorization</c> header value, or null for a missing, malformed or unknown key.</summary>
    public Caller? Resolve(string? authorization)
    {
        const string Scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var key = authorization[Scheme.Length..].Trim();
        return key.Length == 0 ? null : _byDigest.GetValueOrDefault(Digest(key));
    }

    private static string Digest(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
