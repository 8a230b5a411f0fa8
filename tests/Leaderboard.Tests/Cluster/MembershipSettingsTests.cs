using Leaderboard.Grains.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Leaderboard.Tests.Cluster;

/// <summary>
/// How <c>Leaderboard:Cluster:Membership</c> reaches Orleans' failure detection. The heartbeat settings decide how long
/// a node restarted after a crash waits before it stops trying to reach its dead predecessor's row.
/// </summary>
public sealed class MembershipSettingsTests
{
    [Fact]
    public void A_crashed_nodes_row_is_stale_after_two_missed_three_second_heartbeats_by_default()
    {
        using var host = BuildSilo([]);

        var options = host.Services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(3), options.IAmAliveTablePublishTimeout);
        Assert.Equal(2, options.NumMissedTableIAmAliveLimit);
        Assert.Equal(TimeSpan.FromSeconds(2), options.ProbeTimeout);
        Assert.Equal(3, options.NumMissedProbesLimit);
    }

    [Fact]
    public void Configured_heartbeat_settings_are_what_Orleans_uses()
    {
        using var host = BuildSilo(new()
        {
            ["Leaderboard:Cluster:Membership:IAmAlivePeriod"] = "00:00:05",
            ["Leaderboard:Cluster:Membership:MissedIAmAliveLimit"] = "4",
        });

        var options = host.Services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(5), options.IAmAliveTablePublishTimeout);
        Assert.Equal(4, options.NumMissedTableIAmAliveLimit);
    }

    [Fact]
    public void A_missed_heartbeat_limit_below_one_is_refused_by_name()
    {
        using var host = BuildSilo(new() { ["Leaderboard:Cluster:Membership:MissedIAmAliveLimit"] = "0" });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<ClusterSettings>>().Value);

        Assert.Contains("MissedIAmAliveLimit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_defunct_silo_expiration_is_refused_by_name()
    {
        using var host = BuildSilo(new() { ["Leaderboard:Cluster:Membership:DefunctSiloExpiration"] = "-1.00:00:00" });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<ClusterSettings>>().Value);

        Assert.Contains("DefunctSiloExpiration", error.Message, StringComparison.Ordinal);
    }

    private static IHost BuildSilo(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseOrleans(silo => silo.UseLeaderboardClustering(builder.Configuration, "Host=127.0.0.1;Database=unused"));
        return builder.Build();
    }
}
