using System.Buffers;
using Leaderboard.Abstractions.Ingestion;
using Leaderboard.Abstractions.Ledger;
using Leaderboard.Domain.Events;
using Leaderboard.Grains.Ledger;
using Microsoft.Extensions.Options;

namespace Leaderboard.Web.Ingestion;

/// <summary>
/// The one ingestion path (HTTP, the demo feed, later the hub stream): validated events are split by ledger shard,
/// one grain call per shard per batch, and the verdicts are gathered back in request order.
/// </summary>
public sealed class EventIngestion(IGrainFactory grains, IOptions<LedgerOptions> ledger)
{
    // Made once: GetGrain resolves the grain interface's type by reflection on every call.
    private readonly ILedgerShardGrain[] _shards = [.. Enumerable.Range(0, ledger.Value.Shards).Select(s => grains.GetGrain<ILedgerShardGrain>(s))];

    /// <summary>A batch of parse outcomes, in request order starting at <paramref name="firstIndex"/>.</summary>
    public async Task<BatchTally> IngestAsync(IReadOnlyList<ParseOutcome> outcomes, int firstIndex, Caller caller)
    {
        var tally = new BatchTally();

        // Each shard's items go in one list of exactly their number: a first pass finds every event's shard.
        var shardOf = ArrayPool<int>.Shared.Rent(outcomes.Count);
        var counts = new int[_shards.Length];
        var byShard = new List<IngestItem>?[_shards.Length];
        try
        {
            for (var i = 0; i < outcomes.Count; i++)
            {
                var o = outcomes[i];
                if (o.Event is { } parsed)
                {
                    var shard = LedgerSharding.ShardOf(parsed.Event.Dossier, _shards.Length);
                    shardOf[i] = shard;
                    counts[shard]++;
                }
                else if (o.Rejection is { } r)
                {
                    tally.Rejected.Add(new Rejection(firstIndex + i, r.Id, r.Field, r.Error));
                }
            }

            for (var i = 0; i < outcomes.Count; i++)
            {
                if (outcomes[i].Event is { } parsed)
                {
                    var shard = shardOf[i];
                    (byShard[shard] ??= new List<IngestItem>(counts[shard])).Add(new IngestItem(firstIndex + i, parsed.Event, parsed.Content, parsed.ContentHash));
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(shardOf);
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

        return tally;
    }
}
