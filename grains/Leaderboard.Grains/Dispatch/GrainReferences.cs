using System.Collections.Concurrent;

namespace Leaderboard.Grains.Dispatch;

/// <summary>
/// Grain references by string key, each made once. <see cref="IGrainFactory.GetGrain{TGrainInterface}(string, string)"/>
/// resolves the grain interface's type by reflection on every call; on the push path, where a silo makes one call per
/// unit (board) per round, that was ~5 % of the node's CPU and as much of its allocations. The keys are the
/// catalogue's units or boards, so the cache stays as small as the organisation.
/// </summary>
public sealed class GrainReferences<TGrain>(IGrainFactory grains)
    where TGrain : IGrainWithStringKey
{
    private readonly ConcurrentDictionary<string, TGrain> _byKey = new(StringComparer.Ordinal);

    public TGrain this[string key] => _byKey.GetOrAdd(key, static (k, factory) => factory.GetGrain<TGrain>(k), grains);
}
