using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Leaderboard.Benchmarks.Organisation;

namespace Leaderboard.Benchmarks.Latency;

/// <summary>
/// The marker units' events: one online receipt of a fresh dossier per marker, so after the n-th the unit has received
/// exactly n dossiers. Same shape as the background stream's receipts.
/// </summary>
public static class MarkerEvents
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static byte[] Receipt(LeafUnit unit, long count)
    {
        var day = SyntheticOrganisation.CampaignStart.AddDays((int)(count % 150));
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), Offset).AddSeconds(count % 3_600);
        var dossier = string.Create(CultureInfo.InvariantCulture, $"{unit.Code}-MK-{count:000000}");
        var procedure = unit.Procedures.FirstOrDefault(p => p.Level != "none") ?? unit.Procedures[0];
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", dossier + ":r");
            json.WriteString("type", "dossier.received");
            json.WriteString("occurredAt", at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
            json.WriteString("unit", unit.Code);
            json.WriteString("dossier", dossier);
            json.WriteString("procedure", procedure.Code);
            json.WriteString("channel", procedure.Level == "none" ? "direct" : "online");
            json.WriteString("dueAt", day.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
