namespace Leaderboard.Web.Keys;

/// <summary>What a key created through the admin API is for.</summary>
public enum KeyKind
{
    /// <summary>A system that sends events, scoped to units.</summary>
    Integrator,

    /// <summary>A screen or a person that only reads the boards (when <c>Leaderboard:Viewers:RequireKey</c> is on).</summary>
    Viewer,
}
