using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Leaderboard.Benchmarks.Streams;
using Npgsql;
using NpgsqlTypes;

namespace Leaderboard.Benchmarks.Ingest;

/// <summary>
/// The ceiling to compare with: a plain binary COPY of the same events into a table keyed by event id, in the same
/// database, with the same batch size and the same number of connections as the HTTP run, each batch its own
/// (durable) transaction; and, for reference, all of them in one COPY.
/// </summary>
public static class CopyBaseline
{
    private const string Columns = "(event_id, shard, seq, unit, dossier, content_hash, content)";
    private const int Shards = 64;

    /// <summary>The distinct events of <paramref name="events"/> as journal-like rows (hashes and sequences computed here, before any timing).</summary>
    public static List<CopyRow> Rows(IEnumerable<StreamEvent> events)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var sequences = new long[Shards];
        var rows = new List<CopyRow>();
        foreach (var e in events)
        {
            if (!seen.Add(e.Id))
            {
                continue;
            }

            var shard = ShardOf(e.Dossier);
            rows.Add(new CopyRow(e.Id, shard, ++sequences[shard], e.Unit, e.Dossier, SHA256.HashData(e.Line), e.Line));
        }

        return rows;
    }

    /// <summary>Batches of <paramref name="batch"/> rows over <paramref name="connections"/> connections; returns the wall time.</summary>
    public static async Task<TimeSpan> CopyBatchesAsync(NpgsqlDataSource dataSource, string table, IReadOnlyList<CopyRow> rows, int batch, int connections, CancellationToken cancellationToken)
    {
        await CreateTableAsync(dataSource, table, cancellationToken);
        var batches = rows.Chunk(batch).ToArray();
        var next = -1;
        var started = Stopwatch.GetTimestamp();

        async Task WorkAsync()
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            int i;
            while ((i = Interlocked.Increment(ref next)) < batches.Length)
            {
                await CopyAsync(connection, table, batches[i], cancellationToken);
            }
        }

        var workers = Enumerable.Range(0, Math.Min(connections, batches.Length)).Select(_ => Task.Run(WorkAsync, cancellationToken)).ToArray();
        await Task.WhenAll(workers);
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>All rows in one COPY on one connection; returns the wall time.</summary>
    public static async Task<TimeSpan> CopyAllAsync(NpgsqlDataSource dataSource, string table, IReadOnlyList<CopyRow> rows, CancellationToken cancellationToken)
    {
        await CreateTableAsync(dataSource, table, cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var started = Stopwatch.GetTimestamp();
        await CopyAsync(connection, table, rows, cancellationToken);
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>Drops a baseline's table, so the next run meets the database as this one did.</summary>
    public static async Task DropTableAsync(NpgsqlDataSource dataSource, string table, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"DROP TABLE {table}");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string table, IReadOnlyList<CopyRow> rows, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {table} {Columns} FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(row.Id, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(row.Shard, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(row.Sequence, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(row.Unit, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(row.Dossier, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(row.ContentHash, NpgsqlDbType.Bytea, cancellationToken);
            await importer.WriteAsync(row.Content, NpgsqlDbType.Text, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task CreateTableAsync(NpgsqlDataSource dataSource, string table, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            CREATE TABLE {table}
            (
                event_id     text    NOT NULL PRIMARY KEY,
                shard        integer NOT NULL,
                seq          bigint  NOT NULL,
                unit         text    NOT NULL,
                dossier      text    NOT NULL,
                content_hash bytea   NOT NULL,
                content      text    NOT NULL
            )
            """);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>FNV-1a over UTF-8, like the ledger's sharding, so rows spread the same way.</summary>
    private static int ShardOf(string dossier)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(dossier))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return (int)(hash % Shards);
    }
}
