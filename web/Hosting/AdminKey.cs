using System.Security.Cryptography;

namespace Leaderboard.Web.Hosting;

/// <summary>The admin key in force: configured, or generated for an embedded run (then <see cref="Generated"/> is true).</summary>
public sealed record AdminKey(string Value, bool Generated)
{
    public static AdminKey Generate() =>
        new(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_'), true);
}
