using Npgsql;

namespace Leaderboard.Grains.Hosting;

/// <summary>
/// One database, one cluster. Nodes with another <c>ClusterId</c> on the same database would activate the same ledger
/// shards and count each other's events as duplicates, never as their own: their numbers drift apart in silence. A node
/// therefore does not start while a silo of another cluster is alive on its database (an active membership row whose
/// heartbeat is recent; rows left by a cluster that is gone age out).
/// </summary>
internal static class OtherClusters
{
    private const string Sql =
        """
        SELECT deployment_id, count(*)::int
        FROM orleans_membership
        WHERE deployment_id <> $1 AND status = 3 AND i_am_alive_time > now() - make_interval(secs => $2)
        GROUP BY deployment_id
        ORDER BY deployment_id
        """;

    public static async Task RefuseAsync(NpgsqlDataSource dataSource, ClusterSettings cluster, CancellationToken cancellationToken)
    {
        // A live silo writes its heartbeat every IAmAlivePeriod; a few missed ones still count as alive.
        var window = cluster.Membership.IAmAlivePeriod * (cluster.Membership.MissedIAmAliveLimit + 2);
        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = cluster.ClusterId });
        command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = Math.Max(30, window.TotalSeconds) });
        var others = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                others.Add($"'{reader.GetString(0)}' ({reader.GetInt32(1)} nút)");
            }
        }

        if (others.Count > 0)
        {
            throw new NodeSetupException(
                $"cơ sở dữ liệu này đang được cụm khác dùng: {string.Join(", ", others)}, còn nút này thuộc cụm '{cluster.ClusterId}' " +
                "(Leaderboard:Cluster:ClusterId). Hai cụm trên một cơ sở dữ liệu sẽ đếm lẫn sự kiện của nhau. Dùng cùng ClusterId với các nút " +
                "đang chạy, hoặc một cơ sở dữ liệu riêng.");
        }
    }
}
