using Npgsql;

namespace Leaderboard.Web.Keys;

/// <summary>Keys in the <c>api_keys</c> table (migration 0003), shared by every node of a deployment.</summary>
public sealed class PostgresKeyStore(NpgsqlDataSource dataSource) : IKeyStore
{
    public async Task AddAsync(StoredKey key, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO api_keys (id, name, kind, key_hash, units, can_write, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.Id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.Name });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = KindName(key.Kind) });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = key.KeyHash });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. key.Units] });
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = key.CanWrite });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = key.CreatedAt });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StoredKey>> ListAsync(CancellationToken cancellationToken)
    {
        var keys = new List<StoredKey>();
        await using var command = dataSource.CreateCommand(
            "SELECT id, name, kind, key_hash, units, can_write, created_at, revoked_at FROM api_keys ORDER BY created_at, id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(new StoredKey(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2) == "viewer" ? KeyKind.Viewer : KeyKind.Integrator,
                reader.GetFieldValue<byte[]>(3),
                reader.GetFieldValue<string[]>(4),
                reader.GetBoolean(5),
                reader.GetFieldValue<DateTimeOffset>(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7)));
        }

        return keys;
    }

    public async Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE api_keys SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = at });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static string KindName(KeyKind kind) => kind == KeyKind.Viewer ? "viewer" : "integrator";
}
