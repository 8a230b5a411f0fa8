using Leaderboard.Abstractions.Units;

namespace Leaderboard.Abstractions.Boards;

/// <summary>A web node's bridge for board subscribers (one observer per node, renewed before it expires).</summary>
public interface IBoardObserver : IGrainObserver
{
    void BoardChanged(BoardChange change);

    void TargetReached(string board, TargetReached reached);

    void Activity(BoardActivity activity);
}
