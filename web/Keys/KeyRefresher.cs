using Leaderboard.Web.Ingestion;

namespace Leaderboard.Web.Keys;

/// <summary>
/// Keeps <see cref="ApiKeys"/>' snapshot of the store at most <see cref="Period"/> old, so a key created or revoked
/// on another node works, or stops working, here within a second. A change made on this node refreshes at once.
/// If the store cannot be read the previous snapshot stays in force and the failure is logged.
/// </summary>
public sealed partial class KeyRefresher(IKeyStore store, ApiKeys keys, TimeProvider time, ILogger<KeyRefresher> logger) : BackgroundService
{
    /// <summary>How often the store is read.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(250);

    // Serialises reads, so a read that started before a revocation can never be applied after the one that follows it.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _failing;

    /// <summary>Reads the store now and replaces the snapshot.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            keys.Replace(await store.ListAsync(cancellationToken));
            if (_failing)
            {
                _failing = false;
                LogRecovered();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // The first snapshot before the node serves anything; storage's migrations ran in an earlier hosted service.
        await TryRefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await TryRefreshAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task TryRefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RefreshAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (!_failing)
            {
                _failing = true;
                LogFailing(ex);
            }
        }
    }
}
