using System.Text;

namespace Leaderboard.Abstractions.Ledger;

/// <summary>
/// Which ledger shard holds a dossier. Stable across processes and versions (FNV-1a over UTF-8), because the
/// journal records the shard and replay must find the same one. Changing the shard count needs a re-shard.
/// </summary>
public static class LedgerSharding
{
    public const int DefaultShardCount = 64;

    public static int ShardOf(string dossier, int shardCount)
    {
        const uint OffsetBasis = 2166136261;
        const uint Prime = 16777619;
        Span<byte> buffer = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetMaxByteCount(dossier.Length) <= buffer.Length
            ? buffer[..Encoding.UTF8.GetBytes(dossier, buffer)]
            : Encoding.UTF8.GetBytes(dossier);
        var hash = OffsetBasis;
        foreach (var b in bytes)
        {
            hash = unchecked((hash ^ b) * Prime);
        }

        return (int)(hash % (uint)shardCount);
    }
}
