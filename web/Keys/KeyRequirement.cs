namespace Leaderboard.Web.Keys;

/// <summary>What an endpoint group asks of the caller's key (endpoint metadata, read by <see cref="KeyFilter"/> and the OpenAPI document).</summary>
public enum KeyRequirement
{
    /// <summary>The admin key.</summary>
    Admin,

    /// <summary>A key that may write events (the admin key or an integrator key with the right to write).</summary>
    Writer,

    /// <summary>Data for the pages: open unless <c>Leaderboard:Viewers:RequireKey</c>; then any valid key, as a bearer header or the viewer cookie.</summary>
    Viewer,

    /// <summary>A page: as <see cref="Viewer"/>, and <c>?key=</c> is accepted once and turned into the viewer cookie.</summary>
    ViewerPage,
}
