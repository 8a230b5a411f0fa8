using Npgsql;

namespace Leaderboard.Grains.Storage;

/// <summary>
/// A node opens two pools (the journal's, and Orleans' grain storage). Npgsql's default of 100 each would let one node
/// exhaust a default PostgreSQL's 100 connections when every grain activates at once after a start; unless the
/// connection string says otherwise, each pool gets a share.
/// </summary>
internal static class PoolSizes
{
    public const int Journal = 30;
    public const int GrainStorage = 20;

    public static string Capped(string connectionString, int maximum)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var explicitly = connectionString.Contains("Maximum Pool Size", StringComparison.OrdinalIgnoreCase)
            || connectionString.Contains("MaxPoolSize", StringComparison.OrdinalIgnoreCase);
        if (!explicitly)
        {
            builder.MaxPoolSize = maximum;
        }

        return builder.ConnectionString;
    }
}
