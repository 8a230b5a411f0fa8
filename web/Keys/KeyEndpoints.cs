namespace Leaderboard.Web.Keys;

/// <summary>Puts a key requirement on a group or an endpoint: the filter that checks it, and the metadata the OpenAPI document reads.</summary>
public static class KeyEndpoints
{
    public static TBuilder RequireKey<TBuilder>(this TBuilder builder, KeyRequirement requirement)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(requirement);
        builder.AddEndpointFilter(new KeyFilter(requirement));
        return builder;
    }
}
