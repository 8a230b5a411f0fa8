namespace Leaderboard.Web.Hosting;

/// <summary>One integrator key from configuration (managing keys over an admin API comes with the integrators issue).</summary>
public sealed class IntegratorKeyOptions
{
    /// <summary>Who holds the key (shown in logs instead of the key).</summary>
    public string Name { get; set; } = "";

    public string Key { get; set; } = "";

    /// <summary>Unit codes the key may write for (with their descendants).</summary>
    public List<string> Units { get; set; } = [];

    /// <summary>False for a key that may not write at all (403).</summary>
    public bool CanWrite { get; set; } = true;
}
