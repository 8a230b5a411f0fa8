using Leaderboard.Abstractions;
using Npgsql;

namespace Leaderboard.Grains.Organisation;

/// <summary>The organisation's files in PostgreSQL (<c>catalogue_file</c>, <c>catalogue_revision</c>), replaced in one transaction.</summary>
public sealed class PostgresCatalogueStore(NpgsqlDataSource dataSource) : ICatalogueStore
{
    public async Task<StoredCatalogue?> LoadAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
            long revision;
            await using (var read = new NpgsqlCommand("SELECT revision FROM catalogue_revision WHERE id = 1", connection, transaction))
            {
                if (await read.ExecuteScalarAsync(cancellationToken) is not long r)
                {
                    return null;
                }

                revision = r;
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
            return new StoredCatalogue(revision, new CatalogueFiles(files));
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

    public async Task<long> SaveAsync(CatalogueFiles files, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
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
                "INSERT INTO catalogue_revision (id, revision) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET revision = catalogue_revision.revision + 1 RETURNING revision",
                connection,
                transaction))
            {
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
