using Leaderboard.Web.Api;

namespace Leaderboard.Web.Hubs;

/// <summary>What the server pushes to browsers and other hub clients (api.md).</summary>
public interface ILeaderboardClient
{
    Task BoardChanged(ApiModels.BoardChangedDto change);

    Task UnitChanged(ApiModels.UnitChangedDto change);

    Task TargetReached(ApiModels.TargetReachedDto reached);

    Task Activity(ApiModels.ActivityDto activity);
}
