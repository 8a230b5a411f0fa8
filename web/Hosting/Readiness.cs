namespace Leaderboard.Web.Hosting;

/// <summary>Set once every ledger shard has replayed its journal and every board has ranked: /health/ready waits for it.</summary>
public sealed class Readiness
{
    private volatile bool _replayed;

    public bool Replayed => _replayed;

    public void MarkReplayed() => _replayed = true;
}
