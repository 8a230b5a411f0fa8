using System.IO.Hashing;
using System.Numerics;
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
/// An open-addressing table of (key, place in the ring) finds a key in one probe sequence, usually one cache line,
/// and forgets the oldest key by shifting its neighbours back; a dictionary of digests cost two or three cache misses
/// per look-up, add and removal (2.5 % of the node's samples in the ingest benchmark).
/// </remarks>
internal sealed class RecentIds
{
    private readonly int _capacity;

    /// <summary>The remembered keys and digests, oldest first from <see cref="_next"/> once full.</summary>
    private readonly (ulong Key, ContentDigest Digest)[] _ring;

    /// <summary>Per slot: a key and its place in the ring + 1 (0: empty); a power of two, at most half full.</summary>
    private readonly (ulong Key, int Place)[] _slots;
    private int _next;
    private int _count;

    public RecentIds(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _capacity = capacity;
        _ring = new (ulong, ContentDigest)[capacity];
        _slots = new (ulong, int)[capacity == 0 ? 1 : (int)BitOperations.RoundUpToPowerOf2((uint)capacity * 2)];
    }

    /// <summary>True when this id was committed lately with this content.</summary>
    public bool IsDuplicate(string id, ReadOnlySpan<byte> contentHash)
    {
        var slot = SlotOf(Key(id));
        return slot >= 0 && _ring[_slots[slot].Place - 1].Digest == ContentDigest.Of(contentHash);
    }

    /// <summary>Remembers a committed id, forgetting the oldest beyond the capacity.</summary>
    public void Add(string id, ReadOnlySpan<byte> contentHash)
    {
        if (_capacity == 0)
        {
            return;
        }

        var key = Key(id);
        if (SlotOf(key) >= 0)
        {
            return;
        }

        if (_count == _capacity)
        {
            Remove(SlotOf(_ring[_next].Key));
        }
        else
        {
            _count++;
        }

        _ring[_next] = (key, ContentDigest.Of(contentHash));
        var mask = _slots.Length - 1;
        var slot = (int)key & mask;
        while (_slots[slot].Place != 0)
        {
            slot = (slot + 1) & mask;
        }

        _slots[slot] = (key, _next + 1);
        _next = (_next + 1) % _capacity;
    }

    private static ulong Key(string id) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(id.AsSpan()));

    /// <summary>The slot holding <paramref name="key"/>, or -1.</summary>
    private int SlotOf(ulong key)
    {
        var mask = _slots.Length - 1;
        for (var slot = (int)key & mask; _slots[slot].Place != 0; slot = (slot + 1) & mask)
        {
            if (_slots[slot].Key == key)
            {
                return slot;
            }
        }

        return -1;
    }

    /// <summary>Empties a slot and moves back the keys after it that probed past it, so every key stays reachable.</summary>
    private void Remove(int slot)
    {
        var mask = _slots.Length - 1;
        var hole = slot;
        for (var next = (hole + 1) & mask; _slots[next].Place != 0; next = (next + 1) & mask)
        {
            var home = (int)_slots[next].Key & mask;

            // The key at next may fill the hole when its home is not strictly between the hole and next (cyclically).
            if (((next - home) & mask) >= ((next - hole) & mask))
            {
                _slots[hole] = _slots[next];
                hole = next;
            }
        }

        _slots[hole] = default;
    }
}
