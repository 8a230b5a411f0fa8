namespace Leaderboard.Grains.Hosting;

/// <summary>
/// A silo this node knew alive that is now dead: <see cref="Stopped"/> when it was seen shutting down first (a planned
/// stop, which is not a fault to alarm anyone about), otherwise declared dead by the cluster.
/// </summary>
public readonly record struct SiloExit(SiloAddress Silo, bool Stopped)
{
    public override string ToString() => Silo.ToString();
}
