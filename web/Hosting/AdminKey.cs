using System.Security.Cryptography;

namespace Leaderboard.Web.Hosting;

/// <summary>The admin key in force: configured, or generated for an embedded run (then <see cref="Generated"/> is true).</summary>
public sealed record AdminKey(string Value, bool Generated)
{
    /// <summary>
    /// The fewest characters a configured admin key may have: the key can do everything (send events for any unit,
    /// replace the organisation, make keys), and a short word is guessed. A generated one has 32.
    /// </summary>
    public const int MinimumLength = 16;

    public static AdminKey Generate() =>
        new(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_'), true);
}
