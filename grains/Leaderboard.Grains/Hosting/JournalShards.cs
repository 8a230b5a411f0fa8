using System.Globalization;
using Npgsql;

namespace Leaderboard.Grains.Hosting;

/// <summary>
/// One shard count per journal. Each journaled event records its ledger shard, chosen from its dossier and the count;
/// a node started with another <c>Leaderboard:Ledger:Shards</c> would replay each shard from rows that are not its
/// dossiers', answer re-sent events as duplicates and show wrong numbers, all without an error. The first node records
/// the count; a node with another does not start. A journal from before the count was recorded takes the node's count
/// unless it already holds a shard beyond it.
/// </summary>
internal static class JournalShards
{
    private const string RecordSql =
        """
        INSERT INTO ledger_settings (name, value)
        SELECT 'shards', $1
        WHERE NOT EXISTS (SELECT 1 FROM journal WHERE shard >= $2)
        ON CONFLICT (name) DO NOTHING
        """;

    private const string ReadSql =
        """
        SELECT (SELECT value FROM ledger_settings WHERE name = 'shards'), (SELECT max(shard) FROM journal)
        """;

    public static async Task RefuseOtherCountAsync(NpgsqlDataSource dataSource, int shards, CancellationToken cancellationToken)
    {
        await using (var record = dataSource.CreateCommand(RecordSql))
        {
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = shards.ToString(CultureInfo.InvariantCulture) });
            record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = shards });
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        string? recorded;
        int? highest;
        await using (var read = dataSource.CreateCommand(ReadSql))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            recorded = reader.IsDBNull(0) ? null : reader.GetString(0);
            highest = reader.IsDBNull(1) ? null : reader.GetInt32(1);
        }

        var expected = shards.ToString(CultureInfo.InvariantCulture);
        if (recorded == expected)
        {
            return;
        }

        var written = recorded is not null
            ? $"được ghi với {recorded} phân đoạn"
            : $"đã có sự kiện ở phân đoạn {highest}, tức là được ghi với hơn {shards} phân đoạn";
        throw new NodeSetupException(
            $"nhật ký sự kiện trong cơ sở dữ liệu này {written}, còn nút này đặt Leaderboard:Ledger:Shards = {shards}. " +
            "Mỗi sự kiện đã lưu nhớ phân đoạn của nó; với số khác, số liệu sẽ sai mà không báo lỗi. " +
            (recorded is not null ? $"Đặt Leaderboard:Ledger:Shards = {recorded} (hoặc bỏ dòng đó nếu là giá trị mặc định)." : "Đặt lại đúng số phân đoạn đã dùng.") +
            $" — The journal was written with {(recorded ?? $"more than {shards}")} shards; this node has Leaderboard:Ledger:Shards = {shards}.");
    }
}
