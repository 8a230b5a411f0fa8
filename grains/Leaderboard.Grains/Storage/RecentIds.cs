using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Leaderboard.Grains.Storage;

/// <summary>
/// The ids a journal writer committed lately, each with its content hash, so that a re-sent event is answered
/// Duplicate without a round trip. Not thread-safe: the journal locks it.
/// </summary>
/// <remarks>
/// Held without an object per id: a 64-bit hash of the id keys an inline digest, and a ring of keys forgets the
/// oldest. Keeping the ids themselves (a string and a hash array each, alive for seconds) made every one of them
/// survive into the GC's older generations, at tens of thousands per second. Two ids may share a key, and that is
/// harmless: the memory only ever answers "duplicate", when the stored digest equals the event's, and the digest
/// covers the whole event, id included. Anything else (another id under the same key, or the same id with other
/// content) goes to the database, which decides exactly.
/// </remarks>
internal sealed class RecentIds(int capacity)
{
    private readonly Dictionary<ulong, ContentDigest> _digests = new(capacity);
    private readonly ulong[] _order = new ulong[capacity];
    private int _next;
    private int _count;

    /// <summary>True when this id was committed lately with this content.</summary>
    public bool IsDuplicate(string id, ReadOnlySpan<byte> contentHash) =>
        _digests.TryGetValue(Key(id), out var digest) && digest == ContentDigest.Of(contentHash);

    /// <summary>Remembers a committed id, forgetting the oldest beyond the capacity.</summary>
    public void Add(string id, ReadOnlySpan<byte> contentHash)
    {
        if (capacity == 0)
        {
            return;
        }

        var key = Key(id);
        if (!_digests.TryAdd(key, ContentDigest.Of(contentHash)))
        {
            return;
        }

        if (_count == capacity)
        {
            _digests.Remove(_order[_next]);
        }
        else
        {
            _count++;
        }

        _order[_next] = key;
        _next = (_next + 1) % capacity;
    }

    private static ulong Key(string id) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(id.AsSpan()));
}
