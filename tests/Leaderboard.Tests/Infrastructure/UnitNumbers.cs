using System.Text.Json;

namespace Leaderboard.Tests.Infrastructure;

/// <summary>Reads a unit's received-dossier numbers in the sample campaign through <c>GET /api/v1/campaigns/{campaign}/units/{unit}</c>.</summary>
public static class UnitNumbers
{
    public const string Campaign = "snn-ls-2024-tttt";

    /// <summary>Reads are fresh within a second (api.md); this bounds the wait generously for a loaded machine.</summary>
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(15);

    public static async Task<DossierCount> DossiersAsync(LeaderboardServer server, string unit)
    {
        var progress = await server.GetAsync<JsonElement>($"/api/v1/campaigns/{Campaign}/units/{unit}");
        var indicator = progress.GetProperty("indicators").GetProperty("online-dossier");
        return new DossierCount(indicator.GetProperty("numerator").GetInt32(), indicator.GetProperty("denominator").GetInt32());
    }

    /// <summary>Waits until the unit shows at least <paramref name="expected"/>, then asserts it shows exactly that.</summary>
    public static async Task ExpectAsync(LeaderboardServer server, string unit, DossierCount expected)
    {
        try
        {
            await Eventually.MatchesAsync(
                () => DossiersAsync(server, unit),
                c => c.All >= expected.All && c.Online >= expected.Online,
                Within,
                $"unit {unit} did not reach {expected}");
        }
        catch (TimeoutException)
        {
            // Fall through: the exact comparison below names what the unit shows instead.
        }

        Assert.Equal(expected, await DossiersAsync(server, unit));
    }
}
