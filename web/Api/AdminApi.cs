using Leaderboard.Web.Keys;

namespace Leaderboard.Web.Api;

/// <summary>
/// <c>/api/v1/admin</c>: every admin operation (keys here; campaigns, units and procedures join the same group), all
/// behind one filter that asks for the admin key: 401 without a valid key, 403 for any other key.
/// </summary>
public static class AdminApi
{
    public const string Prefix = "/api/v1/admin";

    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup(Prefix)
            .WithTags("Admin")
            .RequireKey(KeyRequirement.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        admin.MapAdminKeysApi();
        return admin;
    }
}
