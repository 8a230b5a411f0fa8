using Leaderboard.Abstractions;
using Npgsql;

namespace Leaderboard.Grains.Organisation;

/// <summary>The organisation's files in PostgreSQL (<c>catalogue_file</c>, <c>catalogue_revision</c>), replaced in one transaction.</summary>
public sealed class PostgresCatalogueStore(NpgsqlDataSource dataSource) : ICatalogueStore
{
    /// <summary>The advisory lock that puts saves of the catalogue in a row ("catalogue" in ASCII, as a number).</summary>
    private const long SaveLock = 0x63_61_74_61_6C_6F_67;

    public bool IsVolatile => false;

    public async Task<StoredCatalogue?> LoadAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
            long revision;
            string? folderDigest;
            await using (var read = new NpgsqlCommand("SELECT revision, folder_digest FROM catalogue_revision WHERE id = 1", connection, transaction))
            await using (var row = await read.ExecuteReaderAsync(cancellationToken))
            {
                if (!await row.ReadAsync(cancellationToken))
                {
                    return null;
                }

                revision = row.GetInt64(0);
                folderDigest = row.IsDBNull(1) ? null : row.GetString(1);
            }

            var files = new Dictionary<string, string>(StringComparer.Ordinal);
            await using (var list = new NpgsqlCommand("SELECT name, content FROM catalogue_file", connection, transaction))
            await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    files[reader.GetString(0)] = reader.GetString(1);
                }
            }

            await transaction.CommitAsync(cancellationToken);
            return new StoredCatalogue(revision, new CatalogueFiles(files), folderDigest);
        }
        catch (NpgsqlException ex)
        {
            throw new StorageUnavailableException("the catalogue store is unavailable", ex);
        }
    }

    public async Task<long> RevisionAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT revision FROM catalogue_revision WHERE id = 1");
            return await command.ExecuteScalarAsync(cancellationToken) is long r ? r : 0;
        }
        catch (NpgsqlException ex)
        {
            throw new StorageUnavailableException("the catalogue store is unavailable", ex);
        }
    }

    public async Task<long> SaveAsync(CatalogueFiles files, string? folderDigest = null, CancellationToken cancellationToken = default) =>
        (await SaveAsync(files, folderDigest, expectedRevision: null, cancellationToken))!.Value;

    public Task<long?> SaveIfAsync(CatalogueFiles files, string folderDigest, long expectedRevision, CancellationToken cancellationToken = default) =>
        SaveAsync(files, folderDigest, (long?)expectedRevision, cancellationToken);

    private async Task<long?> SaveAsync(CatalogueFiles files, string? folderDigest, long? expectedRevision, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

            // Saves one at a time, so the revision read here is the one this save replaces.
            await using (var gate = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
            {
                gate.Parameters.AddWithValue("key", SaveLock);
                await gate.ExecuteNonQueryAsync(cancellationToken);
            }

            if (expectedRevision is { } expected)
            {
                await using var read = new NpgsqlCommand("SELECT coalesce((SELECT revision FROM catalogue_revision WHERE id = 1), 0)", connection, transaction);
                if ((long)(await read.ExecuteScalarAsync(cancellationToken))! != expected)
                {
                    return null;
                }
            }
            await using (var clear = new NpgsqlCommand("DELETE FROM catalogue_file", connection, transaction))
            {
                await clear.ExecuteNonQueryAsync(cancellationToken);
            }

            foreach (var (name, content) in files.Files)
            {
                await using var insert = new NpgsqlCommand("INSERT INTO catalogue_file (name, content) VALUES (@name, @content)", connection, transaction);
                insert.Parameters.AddWithValue("name", name);
                insert.Parameters.AddWithValue("content", content);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            long revision;
            await using (var bump = new NpgsqlCommand(
                """
                INSERT INTO catalogue_revision (id, revision, folder_digest) VALUES (1, 1, @digest)
                ON CONFLICT (id) DO UPDATE
                SET revision = catalogue_revision.revision + 1, folder_digest = coalesce(@digest, catalogue_revision.folder_digest)
                RETURNING revision
                """,
                connection,
                transaction))
            {
                bump.Parameters.Add(new NpgsqlParameter<string?>("digest", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = folderDigest });
                revision = (long)(await bump.ExecuteScalarAsync(cancellationToken))!;
            }

            await transaction.CommitAsync(cancellationToken);
            return revision;
        }
        catch (NpgsqlException ex)
        {
            throw new StorageUnavailableException("the catalogue store is unavailable", ex);
        }
    }
}
