namespace Leaderboard.Web.Keys;

/// <summary>Who may look at the boards (section <c>Leaderboard:Viewers</c>).</summary>
public sealed class ViewerOptions
{
    public const string Section = "Leaderboard:Viewers";

    /// <summary>
    /// False (the default): the pages, the read API and the hub's subscriptions are open, as inside an organisation's
    /// network. True: they need a key (a viewer key, or any other valid key), except the health endpoints.
    /// </summary>
    public bool RequireKey { get; set; }
}
