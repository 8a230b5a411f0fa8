namespace Leaderboard.Web.Api;

/// <summary>The JSON shapes of <c>/api/v1/admin/keys</c> (camelCase). A key itself appears only in <see cref="CreatedKeyDto"/>, once.</summary>
public static class KeyModels
{
    /// <param name="Kind"><c>integrator</c> (the default) or <c>viewer</c>.</param>
    /// <param name="CanWrite">For an integrator key; default true.</param>
    public sealed record CreateKeyRequest(string? Name, IReadOnlyList<string>? Units, bool? CanWrite, string? Kind);

    public sealed record CreatedKeyDto(string Id, string Name, string Kind, IReadOnlyList<string> Units, bool CanWrite, string Key, DateTimeOffset CreatedAt);

    /// <param name="Source"><c>api</c> for a key created here, <c>configuration</c> for one of <c>Leaderboard:Keys</c> (not revocable here).</param>
    public sealed record KeyDto(string Id, string Name, string Kind, IReadOnlyList<string> Units, bool CanWrite, DateTimeOffset? CreatedAt, DateTimeOffset? RevokedAt, string Source);
}
