using System.Buffers;
using Leaderboard.Abstractions.Ingestion;
using Leaderboard.Abstractions.Ledger;
using Leaderboard.Domain.Events;
using Leaderboard.Grains.Ledger;
using Microsoft.Extensions.Options;

namespace Leaderboard.Web.Ingestion;

/// <summary>
/// The one ingestion path (HTTP, the hub stream, the demo feed): validated events are split by ledger shard, one grain
/// call per shard per batch (per round, when an id is re-used across shards: <see cref="ShardRounds"/>), and the
/// verdicts are gathered back in request order.
/// </summary>
public sealed class EventIngestion(IGrainFactory grains, IOptions<LedgerOptions> ledger)
{
    // Made once: GetGrain resolves the grain interface's type by reflection on every call.
    private readonly ILedgerShardGrain[] _shards = [.. Enumerable.Range(0, ledger.Value.Shards).Select(s => grains.GetGrain<ILedgerShardGrain>(s))];

    /// <summary>A batch of parse outcomes, in request order starting at <paramref name="firstIndex"/>.</summary>
    public async Task<BatchTally> IngestAsync(IReadOnlyList<ParseOutcome> outcomes, int firstIndex, Caller caller)
    {
        var tally = new BatchTally();
        var count = outcomes.Count;
        var shardOf = ArrayPool<int>.Shared.Rent(count);
        var roundOf = ArrayPool<int>.Shared.Rent(count);
        var ids = ArrayPool<string?>.Shared.Rent(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var o = outcomes[i];
                if (o.Event is { } parsed)
                {
                    shardOf[i] = LedgerSharding.ShardOf(parsed.Event.Dossier, _shards.Length);
                    ids[i] = parsed.Event.Id;
                }
                else
                {
                    shardOf[i] = 0;
                    ids[i] = null;
                    if (o.Rejection is { } r)
                    {
                        tally.Rejected.Add(new Rejection(firstIndex + i, r.Id, r.Field, r.Error));
                    }
                }
            }

            // Shards answer concurrently; an id re-used for a dossier of another shard waits for a later round, so the
            // first occurrence stands (events.md). Almost every batch is one round.
            var rounds = ShardRounds.Assign(ids.AsSpan(0, count), shardOf.AsSpan(0, count), _shards.Length, roundOf.AsSpan(0, count));
            for (var round = 0; round < rounds; round++)
            {
                await IngestRoundAsync(outcomes, firstIndex, caller, shardOf, roundOf, round, tally);
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(shardOf);
            ArrayPool<int>.Shared.Return(roundOf);
            ArrayPool<string?>.Shared.Return(ids, clearArray: true);
        }

        return tally;
    }

    /// <summary>Sends one round's events, each shard's in one list of exactly their number, and tallies the verdicts.</summary>
    private async Task IngestRoundAsync(
        IReadOnlyList<ParseOutcome> outcomes, int firstIndex, Caller caller, int[] shardOf, int[] roundOf, int round, BatchTally tally)
    {
        var counts = new int[_shards.Length];
        for (var i = 0; i < outcomes.Count; i++)
        {
            if (roundOf[i] == round)
            {
                counts[shardOf[i]]++;
            }
        }

        var byShard = new List<IngestItem>?[_shards.Length];
        for (var i = 0; i < outcomes.Count; i++)
        {
            if (roundOf[i] == round)
            {
                var parsed = outcomes[i].Event!;
                var shard = shardOf[i];
                (byShard[shard] ??= new List<IngestItem>(counts[shard])).Add(new IngestItem(firstIndex + i, parsed.Event, parsed.Content, parsed.ContentHash));
            }
        }

        var calls = new List<Task<IReadOnlyList<ItemVerdict>>>();
        for (var shard = 0; shard < byShard.Length; shard++)
        {
            if (byShard[shard] is { } items)
            {
                calls.Add(_shards[shard].IngestAsync(items, caller.Scope));
            }
        }

        foreach (var verdicts in await Task.WhenAll(calls))
        {
            foreach (var v in verdicts)
            {
                switch (v.Verdict)
                {
                    case Verdict.Accepted:
                        tally.Accepted++;
                        break;
                    case Verdict.Duplicate:
                        tally.Duplicates++;
                        break;
                    default:
                        tally.Rejected.Add(new Rejection(v.Index, outcomes[v.Index - firstIndex].Event!.Event.Id, v.Field ?? "body", v.Error ?? ""));
                        break;
                }
            }
        }
    }
}
