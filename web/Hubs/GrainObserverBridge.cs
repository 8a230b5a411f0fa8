using System.Collections.Concurrent;
using System.Threading.Channels;
using Leaderboard.Abstractions.Boards;
using Leaderboard.Abstractions.Units;
using Leaderboard.Domain.Catalogue;
using Leaderboard.Grains.Hosting;
using Leaderboard.Grains.Organisation;
using Leaderboard.Web.Api;
using Microsoft.AspNetCore.SignalR;

namespace Leaderboard.Web.Hubs;

/// <summary>
/// The bridge from grains to this node's hub clients: one board observer and one unit observer per web node, held by
/// strong references and re-subscribed well before the grains' observer lists expire. In a cluster every web node
/// subscribes to every board, so a browser on any node hears events posted to any other. A grain that lived on a node
/// that died comes back elsewhere with an empty observer list: the bridge re-subscribes as soon as the cluster
/// declares a silo dead, not at the next periodic renewal. Pushes go through one queue so that a board's versions
/// reach clients in the order they were published.
/// </summary>
public sealed partial class GrainObserverBridge(
    IGrainFactory grains,
    IClusterMembershipService membership,
    CatalogueHolder catalogues,
    HubAudience audience,
    IHubContext<LeaderboardHub, ILeaderboardClient> hub,
    TimeProvider time,
    ILogger<GrainObserverBridge> logger) : BackgroundService, IBoardObserver, IUnitObserver
{
    private const int RetriesAfterDeath = 10;
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RetryAfterDeathEvery = TimeSpan.FromSeconds(1);

    private readonly Channel<Func<Task>> _sends = Channel.CreateUnbounded<Func<Task>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, byte> _watchedUnits = new(StringComparer.Ordinal);

    /// <summary>Crossings sent lately, by unit, indicator and moment: the same one from another path is not sent again.</summary>
    private readonly RecentCrossings _crossingsSent = new();
    private readonly Dictionary<BoardKey, (long Epoch, long Version)> _forwarded = [];
    private readonly Lock _forwardedGate = new();
    private IBoardObserver? _boardReference;
    private IUnitObserver? _unitReference;

    public void BoardChanged(BoardChange change)
    {
        lock (_forwardedGate)
        {
            Forward(change);
        }
    }

    public void TargetReached(string board, TargetReached reached) => SendCrossing(reached);

    public void Activity(BoardActivity activity)
    {
        var group = HubGroups.Board(new BoardKey(activity.Campaign, activity.Board));
        if (audience.HasMembers(group))
        {
            Enqueue(async () =>
            {
                var clients = hub.Clients.Group(group);
                foreach (var item in activity.Items)
                {
                    await clients.Activity(ApiModels.Activity(activity.Campaign, item, catalogues.Current));
                }
            });
        }
    }

    public void UnitChanged(UnitChange change)
    {
        var group = HubGroups.Unit(change.Campaign, change.Unit);
        if (audience.HasMembers(group))
        {
            Enqueue(() => hub.Clients.Group(group).UnitChanged(ApiModels.UnitChanged(change)));
        }
    }

    void IUnitObserver.TargetReached(TargetReached reached) => SendCrossing(reached);

    /// <summary>
    /// A crossing reaches this node from the unit and from each of its boards, and api.md sends it to the subscribers
    /// of all of them: whichever arrives first goes once to every connection here in any of those groups (a page
    /// subscribed to the board and to the unit got it twice), and the others are dropped.
    /// </summary>
    private void SendCrossing(TargetReached reached)
    {
        if (audience.IsEmpty)
        {
            // Nobody here to tell: a page that subscribes later finds the target met in its snapshot.
            return;
        }

        if (!_crossingsSent.TryRemember(reached.Campaign, reached.Unit, reached.Indicator, reached.At, time.GetUtcNow()))
        {
            return;
        }

        var groups = new HashSet<string>(StringComparer.Ordinal) { HubGroups.Unit(reached.Campaign, reached.Unit) };
        if (catalogues.Current.FindCampaign(reached.Campaign) is { } campaign)
        {
            foreach (var board in campaign.Boards)
            {
                if (board.Members.Contains(reached.Unit))
                {
                    groups.Add(HubGroups.Board(new BoardKey(campaign.Id, board.Id)));
                }
            }
        }

        var connections = audience.ConnectionsIn(groups);
        if (connections.Count > 0)
        {
            Enqueue(() => hub.Clients.Clients(connections).TargetReached(ApiModels.TargetReached(reached, catalogues.Current)));
        }
    }

    /// <summary>Starts forwarding a unit's changes to this node (idempotent).</summary>
    public async Task WatchUnitAsync(string unit)
    {
        if (_watchedUnits.TryAdd(unit, 0) && _unitReference is { } reference)
        {
            await grains.GetGrain<IUnitGrain>(unit).SubscribeAsync(reference);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _boardReference = grains.CreateObjectReference<IBoardObserver>(this);
        _unitReference = grains.CreateObjectReference<IUnitObserver>(this);
        var pump = PumpAsync(stoppingToken);
        var deaths = RenewAfterDeathsAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            await RenewAsync(stoppingToken);
            try
            {
                await Task.Delay(RenewEvery, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        _sends.Writer.TryComplete();
        await Task.WhenAll(pump, deaths);
    }

    /// <summary>Re-subscribes right after a silo's death, retrying briefly while its grains find their new homes.</summary>
    private async Task RenewAfterDeathsAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var died in SiloDeaths.ObserveAsync(membership, stoppingToken))
            {
                LogRenewingAfterDeath(died.Count);
                for (var attempt = 1; attempt <= RetriesAfterDeath && !await RenewAsync(stoppingToken); attempt++)
                {
                    await Task.Delay(RetryAfterDeathEvery, time, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    private async Task<bool> RenewAsync(CancellationToken stoppingToken)
    {
        var calls = new List<Task>();
        foreach (var board in catalogues.Current.AllBoards())
        {
            calls.Add(SubscribeBoardAsync(board));
        }

        foreach (var unit in _watchedUnits.Keys)
        {
            calls.Add(grains.GetGrain<IUnitGrain>(unit).SubscribeAsync(_unitReference!));
        }

        try
        {
            await Task.WhenAll(calls);
            return true;
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // Orleans also cancels calls of its own accord (a message that expired while the grain directory recovered
            // from a silo's death): that must not escape, or the host stops the whole node.
            LogRenewFailed(ex);
            return false;
        }
    }

    /// <summary>
    /// Subscribes to a board, then brings this node's clients up to it: a board that came back on another node (a new
    /// epoch), or published while this node was not subscribed, would otherwise leave them waiting for its next change.
    /// One <c>BoardChanged</c> with every entry at the board's version does it (a new epoch makes a client take a
    /// snapshot; an old version of the same epoch is ignored).
    /// </summary>
    private async Task SubscribeBoardAsync(BoardKey key)
    {
        var board = grains.GetGrain<IBoardGrain>(key.ToString());
        await board.SubscribeAsync(_boardReference!);
        var snapshot = await board.GetSnapshotAsync();
        lock (_forwardedGate)
        {
            var behind = _forwarded.TryGetValue(key, out var seen)
                ? seen.Epoch != snapshot.Epoch || seen.Version < snapshot.Version
                : snapshot.Version > 0;
            if (behind)
            {
                LogCaughtUp(key, snapshot.Epoch, snapshot.Version);
                Forward(new BoardChange(snapshot.Campaign, snapshot.Board, snapshot.Epoch, snapshot.Version, snapshot.Entries));
            }
        }
    }

    /// <summary>
    /// Queues a board change for its group, if it has members here, and remembers it as the last forwarded (under
    /// <see cref="_forwardedGate"/>): a client that subscribes later starts from the board's snapshot.
    /// </summary>
    private void Forward(BoardChange change)
    {
        var key = new BoardKey(change.Campaign, change.Board);
        _forwarded[key] = (change.Epoch, change.Version);
        var group = HubGroups.Board(key);
        if (audience.HasMembers(group))
        {
            Enqueue(() => hub.Clients.Group(group).BoardChanged(ApiModels.BoardChanged(change, catalogues.Current)));
        }
    }

    private void Enqueue(Func<Task> send) => _sends.Writer.TryWrite(send);

    private async Task PumpAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var send in _sends.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await send();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogPushFailed(ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }
}
