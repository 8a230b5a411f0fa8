using System.Globalization;
using Leaderboard.Domain.Catalogue;

namespace Leaderboard.Web.Demo;

/// <summary>One unit of the demo: its procedures, its daily volume and how fast its online shares grow.</summary>
internal sealed class DemoUnit
{
    private readonly string _code;
    private readonly Procedure[] _procedures;
    private readonly double _volume;
    private readonly double _onlineFrom;
    private readonly double _onlineTo;
    private readonly double _payFrom;
    private readonly double _payTo;
    private readonly double _pace;
    private readonly double _payPace;
    private int _sequence;

    private DemoUnit(
        string code, Procedure[] procedures, double volume, double onlineFrom, double onlineTo, double payFrom, double payTo, double pace, double payPace)
    {
        _code = code;
        _procedures = procedures;
        _volume = volume;
        _onlineFrom = onlineFrom;
        _onlineTo = onlineTo;
        _payFrom = payFrom;
        _payTo = payTo;
        _pace = pace;
        _payPace = payPace;
    }

    /// <param name="paymentCrossing">Where in the campaign (0 its first day, 1 its last) the unit's online-payment share
    /// reaches <paramref name="paymentTarget"/>: spread over the units, so the wall celebrates now and then all along,
    /// and past 1 for the few that never make it.</param>
    public static DemoUnit Create(string code, int index, double paymentCrossing, double paymentTarget, Catalogue catalogue, Random random)
    {
        var procedures = catalogue.OnlineProceduresOfSubtree(code).Select(p => catalogue.FindProcedure(p)!).OrderBy(p => p.Code, StringComparer.Ordinal).ToArray();
        if (procedures.Length == 0)
        {
            procedures = [.. catalogue.Procedures.Where(p => !p.IsOnline).OrderBy(p => p.Code, StringComparer.Ordinal).Take(1)];
        }

        // Different starting points and paces, so that leaders change and targets are crossed at different times. The
        // daily online-payment share grows as from + (to − from)·x^pace over the campaign's share x, so the share to date
        // is about from + (to − from)·x^pace / (pace + 1): it starts a little under the target and meets it at the
        // crossing.
        var payPace = 0.5 + random.NextDouble() * 0.5;
        var payFrom = Math.Max(0.02, paymentTarget - (0.03 + random.NextDouble() * 0.07));
        var payTo = Math.Min(0.98, payFrom + ((paymentTarget - payFrom) * (payPace + 1) / Math.Pow(paymentCrossing, payPace)));
        return new DemoUnit(
            code,
            procedures,
            volume: 2 + random.NextDouble() * 6,
            onlineFrom: 0.35 + random.NextDouble() * 0.3,
            onlineTo: 0.8 + random.NextDouble() * 0.19,
            payFrom: payFrom,
            payTo: payTo,
            pace: 0.5 + (index % 4) * 0.5,
            payPace: payPace);
    }

    public void Generate(DateOnly day, int tick, int ticksPerDay, double progress, TimeSpan offset, string runId, Random random, List<string> lines)
    {
        if (_procedures.Length == 0)
        {
            return;
        }

        var onlineShare = _onlineFrom + (_onlineTo - _onlineFrom) * Math.Pow(progress, _pace);
        var payShare = _payFrom + (_payTo - _payFrom) * Math.Pow(progress, _payPace);
        var count = Poisson(_volume / ticksPerDay, random);
        for (var i = 0; i < count; i++)
        {
            var procedure = _procedures[random.Next(_procedures.Length)];
            var dossier = string.Create(CultureInfo.InvariantCulture, $"{_code}-{day:yyMMdd}-{runId}-{++_sequence:00000}");
            var minute = (8 * 60) + ((tick * 9 * 60 / ticksPerDay) + random.Next(9 * 60 / ticksPerDay));
            var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(minute / 60, minute % 60)), offset);
            var online = procedure.IsOnline && random.NextDouble() < onlineShare;
            lines.Add(DemoFeed.Json(new()
            {
                ["id"] = $"demo-{dossier}-r",
                ["type"] = "dossier.received",
                ["occurredAt"] = Stamp(at),
                ["unit"] = _code,
                ["dossier"] = dossier,
                ["procedure"] = procedure.Code,
                ["channel"] = online ? "online" : (random.NextDouble() < 0.8 ? "direct" : "postal"),
                ["dueAt"] = day.AddDays(5 + random.Next(10)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }));

            if (procedure.HasFee)
            {
                var paidOnline = random.NextDouble() < payShare;
                lines.Add(DemoFeed.Json(new()
                {
                    ["id"] = $"demo-{dossier}-p",
                    ["type"] = "payment.completed",
                    ["occurredAt"] = Stamp(at.AddMinutes(20 + random.Next(120))),
                    ["unit"] = _code,
                    ["dossier"] = dossier,
                    ["payment"] = "P1",
                    ["amount"] = 50_000 + (random.Next(20) * 10_000),
                    ["method"] = paidOnline ? "online" : (random.NextDouble() < 0.7 ? "cash" : "transfer"),
                }));
            }

            if (random.NextDouble() < 0.7)
            {
                lines.Add(DemoFeed.Json(new()
                {
                    ["id"] = $"demo-{dossier}-f",
                    ["type"] = "dossier.finished",
                    ["occurredAt"] = Stamp(at.AddDays(1 + random.Next(14))),
                    ["unit"] = _code,
                    ["dossier"] = dossier,
                }));
            }
        }
    }

    private static string Stamp(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static int Poisson(double mean, Random random)
    {
        var limit = Math.Exp(-mean);
        var k = 0;
        for (var p = random.NextDouble(); p > limit; p *= random.NextDouble())
        {
            k++;
        }

        return k;
    }
}
