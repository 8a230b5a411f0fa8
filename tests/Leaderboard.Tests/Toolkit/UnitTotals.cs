using System.Text.Json;
using Leaderboard.Tests.Infrastructure;

namespace Leaderboard.Tests.Toolkit;

/// <summary>The dossier-counting indicators of one unit in the sample campaign, as <c>GET …/units/{unit}</c> shows them.</summary>
public sealed record UnitTotals(Ratio OnlineDossier, Ratio OnlinePayment, Ratio OnTime)
{
    public static UnitTotals Zero { get; } = new(Ratio.Zero, Ratio.Zero, Ratio.Zero);

    public UnitTotals Plus(UnitTotals other) =>
        new(OnlineDossier.Plus(other.OnlineDossier), OnlinePayment.Plus(other.OnlinePayment), OnTime.Plus(other.OnTime));

    public static async Task<UnitTotals> ReadAsync(LeaderboardServer server, string unit)
    {
        var progress = await server.GetAsync<JsonElement>($"/api/v1/campaigns/{UnitNumbers.Campaign}/units/{unit}");
        var indicators = progress.GetProperty("indicators");
        return new(Read(indicators, "online-dossier"), Read(indicators, "online-payment"), Read(indicators, "on-time"));
    }

    /// <summary>Waits until every unit shows what it should, then asserts each exactly (naming the unit that differs).</summary>
    public static async Task ExpectAsync(LeaderboardServer server, IReadOnlyDictionary<string, UnitTotals> expected)
    {
        try
        {
            await Eventually.TrueAsync(
                async () =>
                {
                    foreach (var (unit, totals) in expected)
                    {
                        if (await ReadAsync(server, unit) != totals)
                        {
                            return false;
                        }
                    }

                    return true;
                },
                TimeSpan.FromSeconds(20),
                "the units did not reach their expected totals");
        }
        catch (TimeoutException)
        {
            // Fall through: the exact comparison below names the unit and what it shows instead.
        }

        foreach (var (unit, totals) in expected)
        {
            Assert.Equal((unit, totals), (unit, await ReadAsync(server, unit)));
        }
    }

    private static Ratio Read(JsonElement indicators, string id)
    {
        var indicator = indicators.GetProperty(id);
        return new(indicator.GetProperty("numerator").GetInt32(), indicator.GetProperty("denominator").GetInt32());
    }
}
