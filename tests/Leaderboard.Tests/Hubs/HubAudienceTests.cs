using Leaderboard.Web.Hubs;

namespace Leaderboard.Tests.Hubs;

public sealed class HubAudienceTests
{
    [Fact]
    public void A_group_has_members_while_any_connection_is_in_it()
    {
        var audience = new HubAudience();
        Assert.False(audience.HasMembers("board:c/b"));

        audience.Join("a", "board:c/b");
        audience.Join("b", "board:c/b");
        audience.Join("a", "board:c/b");
        audience.Leave("a", "board:c/b");
        Assert.True(audience.HasMembers("board:c/b"));

        audience.Leave("b", "board:c/b");
        Assert.False(audience.HasMembers("board:c/b"));
    }

    [Fact]
    public void Leaving_a_group_not_joined_changes_nothing()
    {
        var audience = new HubAudience();
        audience.Join("a", "unit:c/u");
        audience.Leave("b", "unit:c/u");
        audience.Leave("a", "board:c/b");
        Assert.True(audience.HasMembers("unit:c/u"));
    }

    [Fact]
    public void A_disconnected_connection_leaves_every_group_it_was_in()
    {
        var audience = new HubAudience();
        audience.Join("a", "board:c/b");
        audience.Join("a", "unit:c/u");
        audience.Join("b", "unit:c/u");

        audience.Disconnected("a");

        Assert.False(audience.HasMembers("board:c/b"));
        Assert.True(audience.HasMembers("unit:c/u"));
        audience.Disconnected("a");
        Assert.True(audience.HasMembers("unit:c/u"));
    }

    [Fact]
    public void The_connections_in_any_of_several_groups_are_each_listed_once()
    {
        var audience = new HubAudience();
        audience.Join("a", "board:c/b");
        audience.Join("a", "unit:c/u");
        audience.Join("b", "unit:c/u");
        audience.Join("c", "board:c/other");

        var connections = audience.ConnectionsIn(new HashSet<string>(StringComparer.Ordinal) { "board:c/b", "unit:c/u" });

        Assert.Equal(["a", "b"], connections.Order(StringComparer.Ordinal));
        audience.Disconnected("a");
        Assert.Equal(["b"], audience.ConnectionsIn(new HashSet<string>(StringComparer.Ordinal) { "board:c/b", "unit:c/u" }));
    }

    [Fact]
    public void A_connection_that_left_a_group_is_no_longer_listed_for_it_and_an_audience_with_nobody_is_empty()
    {
        var audience = new HubAudience();
        Assert.True(audience.IsEmpty);
        audience.Join("a", "board:c/b");
        audience.Join("b", "board:c/b");
        Assert.False(audience.IsEmpty);

        audience.Leave("a", "board:c/b");
        Assert.Equal(["b"], audience.ConnectionsIn(new HashSet<string>(StringComparer.Ordinal) { "board:c/b" }));
        Assert.Empty(audience.ConnectionsIn(new HashSet<string>(StringComparer.Ordinal) { "board:c/none" }));

        audience.Disconnected("b");
        Assert.Empty(audience.ConnectionsIn(new HashSet<string>(StringComparer.Ordinal) { "board:c/b" }));
        Assert.True(audience.IsEmpty);

        audience.Join("a", "board:c/b");
        Assert.Equal(["a"], audience.ConnectionsIn(new HashSet<string>(StringComparer.Ordinal) { "board:c/b" }));
    }
}
