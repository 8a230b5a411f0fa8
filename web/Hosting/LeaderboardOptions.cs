namespace Leaderboard.Web.Hosting;

/// <summary>Start-up configuration of a web node (section <c>Leaderboard</c>; api.md lists the fixed keys).</summary>
public sealed class LeaderboardOptions
{
    public const string Section = "Leaderboard";

    /// <summary>The admin key. Generated and printed in embedded mode when absent; required with PostgreSQL.</summary>
    public string? AdminKey { get; set; }

    /// <summary>Folder with units.csv, procedures.csv, assignments.csv and campaign JSON files; default: the bundled sample organisation.</summary>
    public string? DataPath { get; set; }

    /// <summary>Integrator keys, each scoped to units (a unit's scope includes its descendants).</summary>
    public List<IntegratorKeyOptions> Keys { get; set; } = [];
}
