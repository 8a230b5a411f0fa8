namespace Leaderboard.Web.Demo;

/// <summary>The demo feed (section <c>Leaderboard:Demo</c>).</summary>
public sealed class DemoOptions
{
    public const string Section = "Leaderboard:Demo";

    /// <summary>On by default in embedded mode, off with PostgreSQL.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Real seconds per campaign day (default 3: the 2024 campaign plays in about ten minutes).</summary>
    public double SecondsPerDay { get; set; } = 3;

    /// <summary>Seed of the generator, so a demo can be replayed identically.</summary>
    public int Seed { get; set; } = 2024;
}
