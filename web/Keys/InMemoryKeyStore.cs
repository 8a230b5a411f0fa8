namespace Leaderboard.Web.Keys;

/// <summary>The embedded mode's key store: one node, so memory is enough; keys are lost with the process, like events.</summary>
public sealed class InMemoryKeyStore : IKeyStore
{
    private readonly Lock _gate = new();
    private readonly List<StoredKey> _keys = [];

    public Task AddAsync(StoredKey key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _keys.Add(key);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StoredKey>> ListAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<StoredKey>>([.. _keys]);
        }
    }

    public Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var i = _keys.FindIndex(k => k.Id == id);
            if (i < 0)
            {
                return Task.FromResult(false);
            }

            if (_keys[i].RevokedAt is null)
            {
                _keys[i] = _keys[i] with { RevokedAt = at };
            }

            return Task.FromResult(true);
        }
    }
}
