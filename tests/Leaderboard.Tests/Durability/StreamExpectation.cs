using System.Text.Json;
using Leaderboard.Domain.Catalogue;
using Leaderboard.Domain.Counting;
using Leaderboard.Domain.Events;
using Leaderboard.Domain.Indicators;
using Leaderboard.Domain.Ranking;

namespace Leaderboard.Tests.Durability;

/// <summary>
/// The truth about a generated stream, worked out with the domain library alone: each batch's verdicts, the ids the
/// journal must hold, and the board and the department recomputed from the accepted events in stream order
/// (first occurrence of an id wins). <see cref="CampaignStream"/> explains why stream order gives the server's result.
/// </summary>
public sealed class StreamExpectation
{
    private readonly List<BatchExpectation> _batches;

    private StreamExpectation(List<BatchExpectation> batches, HashSet<string> acceptedIds, IReadOnlyList<RankedStanding> board, UnitStanding department)
    {
        _batches = batches;
        AcceptedIds = acceptedIds;
        Board = board;
        Department = department;
    }

    /// <summary>Every id that the stream gets accepted once: what the journal must hold, exactly.</summary>
    public IReadOnlySet<string> AcceptedIds { get; }

    /// <summary>The department board, ranked, in display order.</summary>
    public IReadOnlyList<RankedStanding> Board { get; }

    /// <summary>The department's own standing (the roll-up of its units).</summary>
    public UnitStanding Department { get; }

    public BatchExpectation For(int batch) => _batches[batch];

    public static StreamExpectation Of(IReadOnlyList<StreamBatch> batches)
    {
        var catalogue = CampaignStream.SampleCatalogue;
        var parser = new EventParser(catalogue, TimeProvider.System);
        var firstById = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var ledger = new DossierLedger(catalogue);
        var expectations = new List<BatchExpectation>(batches.Count);
        foreach (var batch in batches)
        {
            var rejected = new List<(int Index, string Field)>();
            var valid = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < batch.Events.Count; i++)
            {
                using var document = JsonDocument.Parse(batch.Events[i]);
                var outcome = parser.Parse(document.RootElement);
                if (outcome.Rejection is { } rejection)
                {
                    rejected.Add((i, rejection.Field));
                    continue;
                }

                var parsed = outcome.Event!;
                if (firstById.TryGetValue(parsed.Event.Id, out var hash))
                {
                    if (hash.AsSpan().SequenceEqual(parsed.ContentHash))
                    {
                        valid.Add(parsed.Event.Id);
                    }
                    else
                    {
                        rejected.Add((i, "id"));
                    }

                    continue;
                }

                firstById.Add(parsed.Event.Id, parsed.ContentHash);
                valid.Add(parsed.Event.Id);
                ledger.Apply(parsed.Event);
            }

            expectations.Add(new BatchExpectation(batch.Events.Count - rejected.Count, rejected, valid));
        }

        var campaign = catalogue.FindCampaign(CampaignStream.Campaign)!;
        UnitStanding Standing(string unit) => StandingCalculator.Evaluate(
            campaign,
            catalogue,
            unit,
            ledger.ContributionTo(unit).Count(campaign.Start, campaign.End, catalogue.OnlineProceduresOfSubtree(unit)));
        var board = Ranker.Rank(campaign.FindBoard(CampaignStream.Board)!.Members.Select(Standing));
        return new StreamExpectation(expectations, [.. firstById.Keys], board, Standing(CampaignStream.Department));
    }

    /// <summary>How a 200 answer to the batch differs from what it must say; <paramref name="allDuplicates"/> for a batch known to be journaled already.</summary>
    public List<string> AnswerDifferences(int batch, JsonElement answer, bool allDuplicates = false)
    {
        var expected = _batches[batch];
        var diffs = new List<string>();
        var accepted = answer.GetProperty("accepted").GetInt32();
        var duplicates = answer.GetProperty("duplicates").GetInt32();
        if (accepted + duplicates != expected.Valid)
        {
            diffs.Add($"batch {batch}: accepted {accepted} + duplicates {duplicates}, expected {expected.Valid} valid events");
        }

        if (allDuplicates && accepted != 0)
        {
            diffs.Add($"batch {batch}: {accepted} events accepted again on a re-send of an acknowledged batch");
        }

        var rejected = answer.GetProperty("rejected").EnumerateArray()
            .Select(r => (Index: r.GetProperty("index").GetInt32(), Field: r.GetProperty("field").GetString() ?? ""))
            .ToList();
        if (!rejected.SequenceEqual(expected.Rejected))
        {
            diffs.Add($"batch {batch}: rejected [{string.Join(", ", rejected)}], expected [{string.Join(", ", expected.Rejected)}]");
        }

        return diffs;
    }

    /// <summary>How GET …/boards/don-vi differs from the recomputation: every entry's unit, rank, score, eligibility and indicators.</summary>
    public List<string> BoardDifferences(JsonElement board)
    {
        var diffs = new List<string>();
        var entries = board.GetProperty("entries").EnumerateArray().ToList();
        if (entries.Count != Board.Count)
        {
            diffs.Add($"board: {entries.Count} entries, expected {Board.Count}");
            return diffs;
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var expected = Board[i];
            var actual = entries[i];
            var path = $"entries[{i}]";
            Same(diffs, $"{path}.unit", expected.Standing.Unit, actual.GetProperty("unit").GetString());
            Same(diffs, $"{path}.rank", expected.Rank, actual.GetProperty("rank").GetInt32());
            StandingDifferences(diffs, path, expected.Standing, actual);
        }

        return diffs;
    }

    /// <summary>How GET …/units/000.00.12.H37 differs from the recomputed department standing.</summary>
    public List<string> DepartmentDifferences(JsonElement unit)
    {
        var diffs = new List<string>();
        Same(diffs, "unit", Department.Unit, unit.GetProperty("unit").GetString());
        StandingDifferences(diffs, "department", Department, unit);
        return diffs;
    }

    private static void StandingDifferences(List<string> diffs, string path, UnitStanding expected, JsonElement actual)
    {
        Same(diffs, $"{path}.score", expected.Score, actual.GetProperty("score").GetDecimal());
        Same(diffs, $"{path}.eligible", expected.Eligible, actual.GetProperty("eligible").GetBoolean());
        var indicators = actual.GetProperty("indicators");
        foreach (var id in IndicatorIds.All)
        {
            var e = expected.Indicators[id];
            if (!indicators.TryGetProperty(id, out var a))
            {
                diffs.Add($"{path}.indicators.{id}: missing");
                continue;
            }

            Same(diffs, $"{path}.indicators.{id}.numerator", e.Numerator, a.GetProperty("numerator").GetInt64());
            Same(diffs, $"{path}.indicators.{id}.denominator", e.Denominator, a.GetProperty("denominator").GetInt64());
            Same(diffs, $"{path}.indicators.{id}.applicable", e.Applicable, a.GetProperty("applicable").GetBoolean());
            Same(diffs, $"{path}.indicators.{id}.met", e.Met, a.GetProperty("met").GetBoolean());
            Same(diffs, $"{path}.indicators.{id}.gap", e.Gap, a.GetProperty("gap") is { ValueKind: JsonValueKind.Number } gap ? gap.GetInt64() : null);
        }
    }

    private static void Same<T>(List<string> diffs, string path, T expected, T actual)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            diffs.Add($"{path}: expected {expected}, got {actual}");
        }
    }
}
