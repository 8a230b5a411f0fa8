using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Serialization;

namespace Leaderboard.Grains.Hosting;

/// <summary>
/// How a node (web or headless silo) joins its cluster: with PostgreSQL, ADO.NET clustering on the project's own
/// membership tables (migration 0005) with the endpoints and failure detection of <see cref="ClusterSettings"/>;
/// embedded, one localhost silo.
/// </summary>
public static class LeaderboardClustering
{
    /// <summary>
    /// Configures clustering. With PostgreSQL the schema migrations must run before the silo starts (a fresh database
    /// has no membership table yet): register <see cref="LeaderboardStorage.AddLeaderboardStorage"/>, whose migration
    /// service is a hosted service, before <c>UseOrleans</c>, since hosted services start in registration order.
    /// </summary>
    public static ISiloBuilder UseLeaderboardClustering(this ISiloBuilder silo, IConfiguration configuration, string? connectionString)
    {
        silo.Services.AddOptions<ClusterSettings>().BindConfiguration(ClusterSettings.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.ClusterId), "Leaderboard:Cluster:ClusterId không được để trống.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ServiceId), "Leaderboard:Cluster:ServiceId không được để trống.")
            .Validate(o => o.SiloPort is >= 0 and <= 65535 && o.GatewayPort is >= 0 and <= 65535, "Leaderboard:Cluster:SiloPort và GatewayPort phải từ 0 (một cổng còn trống) đến 65535.")
            .Validate(o => IPAddress.TryParse(o.AdvertisedIPAddress, out _), "Leaderboard:Cluster:AdvertisedIPAddress phải là một địa chỉ IP.")
            .Validate(o => o.Membership.ProbeTimeout > TimeSpan.Zero && o.Membership.MissedProbesLimit >= 1 && o.Membership.VotesForDeathDeclaration >= 1 && o.Membership.MissedIAmAliveLimit >= 1, "Leaderboard:Cluster:Membership: ProbeTimeout, MissedProbesLimit, VotesForDeathDeclaration và MissedIAmAliveLimit phải dương.")
            .Validate(o => o.Membership.IAmAlivePeriod > TimeSpan.Zero && o.Membership.TableRefreshPeriod > TimeSpan.Zero && o.Membership.DeathVoteExpiration > TimeSpan.Zero, "Leaderboard:Cluster:Membership: IAmAlivePeriod, TableRefreshPeriod và DeathVoteExpiration phải dương.")
            .Validate(o => o.Membership.DefunctSiloCleanupPeriod > TimeSpan.Zero && o.Membership.DefunctSiloExpiration > TimeSpan.Zero, "Leaderboard:Cluster:Membership: DefunctSiloCleanupPeriod và DefunctSiloExpiration phải dương.")
            .ValidateOnStart();

        // The ports are decided once, here: the silo advertises them in the membership table.
        SettingValues.Check<ClusterSettings>(configuration, ClusterSettings.Section);
        var settings = configuration.GetSection(ClusterSettings.Section).Get<ClusterSettings>() ?? new ClusterSettings();
        var siloPort = settings.SiloPort == 0 ? FreePort() : settings.SiloPort;
        var gatewayPort = settings.GatewayPort == 0 ? FreePort() : settings.GatewayPort;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return silo.UseLocalhostClustering(siloPort, gatewayPort);
        }

        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = settings.ClusterId;
            o.ServiceId = settings.ServiceId;
        });
        silo.Configure<EndpointOptions>(o =>
        {
            // An unparsable address is reported by the validation above.
            o.AdvertisedIPAddress = IPAddress.TryParse(settings.AdvertisedIPAddress, out var address) ? address : IPAddress.Loopback;
            o.SiloPort = siloPort;
            o.GatewayPort = gatewayPort;
        });
        var membership = settings.Membership;
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = membership.ProbeTimeout;
            o.NumMissedProbesLimit = membership.MissedProbesLimit;
            o.NumVotesForDeathDeclaration = membership.VotesForDeathDeclaration;
            o.DeathVoteExpirationTimeout = membership.DeathVoteExpiration;
            o.IAmAliveTablePublishTimeout = membership.IAmAlivePeriod;
            o.NumMissedTableIAmAliveLimit = membership.MissedIAmAliveLimit;
            o.TableRefreshTimeout = membership.TableRefreshPeriod;
            o.DefunctSiloCleanupPeriod = membership.DefunctSiloCleanupPeriod;
            o.DefunctSiloExpiration = membership.DefunctSiloExpiration;
        });
        // Orleans' default placement prefers the calling silo while resources are alike, and placing by activation
        // count does too until load statistics have been exchanged. Every call into the grains starts on a web node,
        // so a headless silo (which exists to add grain capacity) would host almost nothing and the first web node to
        // replay would host every shard. Placing by a hash of the grain's id spreads shards, units and boards evenly
        // over the silos active when each grain activates, headless ones included, whoever calls first.
        silo.Services.AddSingleton<PlacementStrategy, HashBasedPlacement>();
        silo.Services.AddHostedService<ClusterRecovery>();

        // A failure in one silo reaches a caller in another as a serialized exception. Orleans serializes only
        // exception types it knows (its own, Microsoft, System, Azure); anything else fails the response itself with
        // a CodecNotFoundException that says nothing useful. Ours (StorageUnavailableException: answer 503, retry) and
        // Npgsql's (inside the grain storage's and the journal's failures while PostgreSQL is down) must cross.
        silo.Services.Configure<ExceptionSerializationOptions>(o =>
        {
            o.SupportedNamespacePrefixes.Add("Leaderboard");
            o.SupportedNamespacePrefixes.Add("Npgsql");
        });
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = "Npgsql";
            o.ConnectionString = connectionString;
        });
        return silo;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
