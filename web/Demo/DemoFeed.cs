using System.Globalization;
using System.Text;
using System.Text.Json;
using Leaderboard.Domain.Catalogue;
using Leaderboard.Grains.Organisation;
using Leaderboard.Domain.Events;
using Leaderboard.Web.Hosting;
using Leaderboard.Web.Ingestion;
using Microsoft.Extensions.Options;

namespace Leaderboard.Web.Demo;

/// <summary>
/// Plays the first campaign in accelerated time through the same ingestion path as HTTP (JSON text, parser, shards):
/// every competing unit receives dossiers and payments, each improving its online shares at its own pace, so ranks
/// move; the online-payment target is reached by one unit after another all through the campaign (and by a few not at
/// all), so the wall celebrates now and then rather than only in the first seconds.
/// </summary>
public sealed partial class DemoFeed(
    CatalogueHolder catalogues,
    NumbersDay numbersDay,
    EventParser parser,
    EventIngestion ingestion,
    Readiness readiness,
    IOptions<DemoOptions> options,
    TimeProvider time,
    ILogger<DemoFeed> logger) : BackgroundService
{
    private const int TicksPerDay = 8;
    private static readonly Caller Demo = new("demo", IsAdmin: true, CanWrite: true, Scope: null);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var campaign = catalogues.Current.Campaigns.OrderBy(c => c.Start).FirstOrDefault();
        if (campaign is null)
        {
            return;
        }

        while (!readiness.Replayed)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), time, stoppingToken);
        }

        var random = new Random(options.Value.Seed);
        var members = campaign.Boards.SelectMany(b => b.Members).Distinct(StringComparer.Ordinal).ToList();
        // The order in which units reach the online-payment target, spread over the campaign; a fifth never do.
        var crossingOrder = Enumerable.Range(0, members.Count).OrderBy(_ => random.Next()).ToArray();
        var paymentTarget = (double)campaign.Indicator(IndicatorIds.OnlinePayment).Target;
        var units = members
            .Select((u, i) => DemoUnit.Create(u, i, (crossingOrder[i] + 0.5) / members.Count * 1.25, paymentTarget, catalogues.Current, random))
            .ToList();
        var tick = TimeSpan.FromSeconds(Math.Max(0.05, options.Value.SecondsPerDay) / TicksPerDay);
        var runId = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var offset = TimeSpan.FromHours(7);
        LogStarted(campaign.Name, options.Value.SecondsPerDay);

        var days = campaign.End.DayNumber - campaign.Start.DayNumber + 1;
        using var timer = new PeriodicTimer(tick, time);
        for (var d = 0; d < days && !stoppingToken.IsCancellationRequested; d++)
        {
            var day = campaign.Start.AddDays(d);
            // The numbers' "today" follows the played day: movement since the end of the previous day, trends up to it.
            numbersDay.Play(day);
            var progress = (double)d / Math.Max(1, days - 1);
            for (var t = 0; t < TicksPerDay; t++)
            {
                var lines = new List<string>();
                foreach (var unit in units)
                {
                    unit.Generate(day, t, TicksPerDay, progress, offset, runId, random, lines);
                }

                if (lines.Count > 0)
                {
                    await SendAsync(lines);
                }

                if (!await timer.WaitForNextTickAsync(stoppingToken))
                {
                    return;
                }
            }
        }

        // The campaign is over: "today" is the day after its last, so the pages say it has ended (no day left, nothing
        // moving) and offer its final ranking, rather than "1 day left" for as long as the demo stays open.
        numbersDay.Play(campaign.End.AddDays(1));
        LogFinished(campaign.Name);
    }

    private async Task SendAsync(List<string> lines)
    {
        var outcomes = new List<ParseOutcome>(lines.Count);
        foreach (var line in lines)
        {
            outcomes.Add(parser.ParseLine(Encoding.UTF8.GetBytes(line)));
        }

        try
        {
            var tally = await ingestion.IngestAsync(outcomes, 0, Demo);
            if (tally.Rejected.Count > 0)
            {
                LogRejected(tally.Rejected.Count, tally.Rejected[0].Field, tally.Rejected[0].Error);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSendFailed(ex);
        }
    }

    internal static string Json(Dictionary<string, object?> fields) => JsonSerializer.Serialize(fields);
}
