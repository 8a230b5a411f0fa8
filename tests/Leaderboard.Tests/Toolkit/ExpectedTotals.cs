using System.Globalization;

namespace Leaderboard.Tests.Toolkit;

/// <summary>
/// What the units should show once an export is imported, computed from the rows by the rules of domain.md, not by
/// the importer: online-dossier over distinct received dossiers, online-payment over dossiers with a completed payment
/// that was not refunded, on-time over finished dossiers with a due date, dates compared in Vietnam time.
/// Rows flagged as broken count as the importer must treat them: a bad receipt, unit or channel leaves no receipt; a bad
/// amount leaves no payment.
/// </summary>
public static class ExpectedTotals
{
    public static Dictionary<string, UnitTotals> Of(IEnumerable<ExportRow> rows, IReadOnlySet<string>? unknownUnits = null)
    {
        var dossiers = new Dictionary<string, Dossier>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            if (unknownUnits?.Contains(r.Unit) == true)
            {
                continue;
            }

            if (!dossiers.TryGetValue(r.Dossier, out var d))
            {
                dossiers[r.Dossier] = d = new Dossier(r.Unit);
            }

            var channel = r.Channel switch { "Trực tuyến" => "online", "Trực tiếp" => "direct", "BCCI" => "postal", _ => null };
            if (channel is not null && Time(r.ReceivedAt) is not null)
            {
                d.Received = true;
                d.Online = channel == "online";
            }

            d.Due = Date(r.DueAt) ?? d.Due;
            d.Finished = Time(r.FinishedAt) is { } f ? DateOnly.FromDateTime(f) : d.Finished;
            if (r.Payment.Length > 0 && long.TryParse(r.Amount, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                var refunded = r.PaymentStatus is "Đã hoàn phí" or "Hủy thanh toán";
                if (!refunded)
                {
                    d.Paid = true;
                    d.PaidOnline |= r.Method == "Trực tuyến";
                }
            }
        }

        var totals = new Dictionary<string, UnitTotals>(StringComparer.Ordinal);
        foreach (var d in dossiers.Values.Where(d => d.Received))
        {
            var t = totals.GetValueOrDefault(d.Unit, UnitTotals.Zero);
            totals[d.Unit] = t.Plus(new UnitTotals(
                new Ratio(d.Online ? 1 : 0, 1),
                d.Paid ? new Ratio(d.PaidOnline ? 1 : 0, 1) : Ratio.Zero,
                d.Finished is { } finished && d.Due is { } due ? new Ratio(finished <= due ? 1 : 0, 1) : Ratio.Zero));
        }

        return totals;
    }

    private static DateTime? Time(string text) =>
        DateTime.TryParseExact(text, "dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    private static DateOnly? Date(string text) =>
        DateOnly.TryParseExact(text, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private sealed class Dossier(string unit)
    {
        public string Unit { get; } = unit;

        public bool Received { get; set; }

        public bool Online { get; set; }

        public DateOnly? Due { get; set; }

        public DateOnly? Finished { get; set; }

        public bool Paid { get; set; }

        public bool PaidOnline { get; set; }
    }
}
