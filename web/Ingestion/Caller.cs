namespace Leaderboard.Web.Ingestion;

/// <summary>Who is writing: the admin (no scope) or an integrator scoped to units.</summary>
public sealed record Caller(string Name, bool IsAdmin, bool CanWrite, IReadOnlyList<string>? Scope)
{
    /// <summary>Stable identity of the key (its id in the store, <c>config-N</c> for a configured one): what rate limits count by.</summary>
    public string Id { get; init; } = Name;
}
