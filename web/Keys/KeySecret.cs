using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Leaderboard.Web.Keys;

/// <summary>How keys are made and how they are remembered: 32 random bytes in base64url, kept only as a SHA-256 digest.</summary>
public static class KeySecret
{
    public static string Generate() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
