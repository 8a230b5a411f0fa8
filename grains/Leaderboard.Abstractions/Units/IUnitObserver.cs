namespace Leaderboard.Abstractions.Units;

/// <summary>A web node's bridge for unit subscribers (one observer per node, renewed before it expires).</summary>
public interface IUnitObserver : IGrainObserver
{
    void UnitChanged(UnitChange change);

    void TargetReached(TargetReached reached);
}
