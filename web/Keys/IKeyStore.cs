namespace Leaderboard.Web.Keys;

/// <summary>Where keys created through the admin API live: PostgreSQL, or memory in embedded mode.</summary>
public interface IKeyStore
{
    Task AddAsync(StoredKey key, CancellationToken cancellationToken);

    /// <summary>Every key, revoked ones included, oldest first.</summary>
    Task<IReadOnlyList<StoredKey>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Marks a key revoked at <paramref name="at"/>; a key revoked before keeps its first time. False for an unknown id.</summary>
    Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken);
}
