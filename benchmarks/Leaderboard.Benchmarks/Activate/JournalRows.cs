using System.Diagnostics;
using System.Text.Json;
using Leaderboard.Benchmarks.Streams;
using Leaderboard.Domain.Events;
using Npgsql;
using NpgsqlTypes;

namespace Leaderboard.Benchmarks.Activate;

/// <summary>
/// Journal rows for one shard built from the synthetic stream exactly as the shard would journal them: distinct ids in
/// arrival order, sequences 1…N, the content as sent, the hash the parser computes, and <c>counted_for</c> the unit
/// that owned the dossier before the event (the unit of its latest receipt), else the event's own unit.
/// </summary>
public static class JournalRows
{
    public static List<JournalRow> Build(IEnumerable<StreamEvent> events, int count)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = new List<JournalRow>(count);
        foreach (var e in events)
        {
            if (rows.Count == count)
            {
                break;
            }

            if (!seen.Add(e.Id))
            {
                continue;
            }

            using var document = JsonDocument.Parse(e.Line);
            var root = document.RootElement;
            var countedFor = owners.GetValueOrDefault(e.Dossier) ?? e.Unit;
            if (root.GetProperty("type").GetString() == "dossier.received")
            {
                owners[e.Dossier] = e.Unit;
            }

            rows.Add(new JournalRow(e.Id, rows.Count + 1, e.Unit, countedFor, e.Dossier, EventParser.CanonicalHash(root), e.Line));
        }

        return rows;
    }

    /// <summary>One binary COPY of every row into <c>journal</c> as shard <paramref name="shard"/>; returns the wall time.</summary>
    public static async Task<TimeSpan> CopyAsync(NpgsqlDataSource dataSource, int shard, IReadOnlyList<JournalRow> rows, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY journal (event_id, shard, seq, unit, counted_for, dossier, content_hash, content) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var r in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(r.EventId, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(shard, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(r.Sequence, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(r.Unit, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(r.CountedFor, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(r.Dossier, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(r.ContentHash, NpgsqlDbType.Bytea, cancellationToken);
                await importer.WriteAsync(r.Content, NpgsqlDbType.Text, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await using var analyze = new NpgsqlCommand("ANALYZE journal", connection);
        await analyze.ExecuteNonQueryAsync(cancellationToken);
        return Stopwatch.GetElapsedTime(started);
    }
}
