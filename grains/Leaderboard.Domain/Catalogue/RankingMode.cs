namespace Leaderboard.Domain.Catalogue;

/// <summary>How rates enter the score: the raw rate, or the Wilson lower bound (95 %) for fairness to small units.</summary>
public enum RankingMode
{
    Raw,
    Wilson,
}
