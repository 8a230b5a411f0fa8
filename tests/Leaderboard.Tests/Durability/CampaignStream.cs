using Leaderboard.Domain.Catalogue;
using Leaderboard.Testing;

namespace Leaderboard.Tests.Durability;

/// <summary>
/// A deterministic, campaign-like stream of events over the sample organisation's department board: receipts
/// (online, direct, postal; some with a due date), payments for fee procedures, refunds, corrections (some moving the
/// dossier to another unit), finishes, a few voids, about 10 % re-sends of earlier events, and a few events that are
/// rejected (unknown procedure, bad amount, unknown channel, an id re-used for other content).
/// </summary>
/// <remarks>
/// The final numbers must not depend on how concurrent batches interleave on the server, nor on which batches had to
/// be re-sent after the kill, because the test recomputes them in stream order. Two rules make that so:
/// <list type="bullet">
/// <item>Every event of a dossier is generated into one batch (in time order), so one shard call journals them all
/// or none of them; an id re-used for other content follows its original in the same batch, so the original always
/// stands.</item>
/// <item>Within a dossier, every event has its own strictly later occurredAt. A dossier's final state is then a
/// function of the set of its events, not of their arrival order (the latest receipt, finish and completion hold;
/// a refund holds whenever it arrives; the earliest payment names the unit before a receipt; a void is for good).
/// A re-send of an earlier event, which may land in another batch and even arrive before its original, adds no
/// event to that set.</item>
/// </list>
/// </remarks>
public static class CampaignStream
{
    public const string Campaign = "snn-ls-2024-tttt";
    public const string Board = "don-vi";
    public const string Department = "000.00.12.H37";

    /// <summary>Batches of 200–500 events, at least <paramref name="minEvents"/> in all, the same for the same seed.</summary>
    public static IReadOnlyList<StreamBatch> Generate(int seed, int minEvents)
    {
        var catalogue = SampleCatalogue;
        var generator = new StreamGenerator(new Random(seed), catalogue, Assignments());
        var batches = new List<StreamBatch>();
        var total = 0;
        while (total < minEvents)
        {
            var batch = generator.NextBatch(batches.Count);
            batches.Add(batch);
            total += batch.Events.Count;
        }

        return batches;
    }

    /// <summary>The bundled sample organisation, as the web node loads it by default.</summary>
    public static Catalogue SampleCatalogue { get; } = CatalogueLoader.Load(RepoPaths.Combine("web", "SampleData"));

    private static Dictionary<string, List<string>> Assignments()
    {
        var map = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(RepoPaths.Combine("web", "SampleData", CatalogueLoader.AssignmentsFile)).Skip(1))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = line.Split(',');
            if (!map.TryGetValue(fields[0], out var list))
            {
                map[fields[0]] = list = [];
            }

            list.Add(fields[1].Trim());
        }

        return map;
    }
}
