namespace Leaderboard.Domain.Counting;

/// <summary>
/// The dossier codes of one ledger, numbered 0, 1, 2… in the order they were added, without an object per code: the
/// characters sit end to end in one array, and an open-addressing table of numbers finds a code by its hash. Never
/// forgets a code. Not thread-safe.
/// </summary>
/// <remarks>
/// A dictionary by string kept each dossier's code as its own string, and the ledger's records as objects: millions of
/// small objects that every event added to, and that the GC traced and copied into its older generations while the
/// node ingested (keeping them was worth about a fifth of the node's CPU per event in the ingest benchmark). Arrays of
/// plain values are neither traced nor, once large, copied.
/// </remarks>
internal sealed class DossierCodes
{
    private const int NoCode = -1;

    private char[] _chars = new char[1024];
    private int _charCount;

    /// <summary>Per code: where its characters start and how many, and its hash.</summary>
    private DossierCodeSpan[] _spans = new DossierCodeSpan[64];
    private int _count;

    /// <summary>Code number + 1 per slot (0: empty); a power of two, at most half full.</summary>
    private int[] _slots = new int[128];

    public int Count => _count;

    /// <summary>The code's number, or -1.</summary>
    public int Find(ReadOnlySpan<char> code)
    {
        var hash = Hash(code);
        var mask = _slots.Length - 1;
        for (var slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                return NoCode;
            }

            ref readonly var span = ref _spans[entry - 1];
            if (span.Hash == hash && code.SequenceEqual(_chars.AsSpan(span.Start, span.Length)))
            {
                return entry - 1;
            }
        }
    }

    /// <summary>The code's number, numbering it first when it is new (<paramref name="added"/>).</summary>
    public int GetOrAdd(ReadOnlySpan<char> code, out bool added)
    {
        if ((_count + 1) * 2 > _slots.Length)
        {
            Rehash(_slots.Length * 2);
        }

        var hash = Hash(code);
        var mask = _slots.Length - 1;
        var slot = hash & mask;
        for (; _slots[slot] != 0; slot = (slot + 1) & mask)
        {
            ref readonly var span = ref _spans[_slots[slot] - 1];
            if (span.Hash == hash && code.SequenceEqual(_chars.AsSpan(span.Start, span.Length)))
            {
                added = false;
                return _slots[slot] - 1;
            }
        }

        if (_charCount + code.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _charCount + code.Length));
        }

        if (_count == _spans.Length)
        {
            Array.Resize(ref _spans, _spans.Length * 2);
        }

        code.CopyTo(_chars.AsSpan(_charCount));
        var number = _count++;
        _spans[number] = new DossierCodeSpan(_charCount, code.Length, hash);
        _charCount += code.Length;
        _slots[slot] = number + 1;
        added = true;
        return number;
    }

    /// <summary>The characters of a code, valid until the next <see cref="GetOrAdd"/>.</summary>
    public ReadOnlySpan<char> this[int number]
    {
        get
        {
            ref readonly var span = ref _spans[number];
            return _chars.AsSpan(span.Start, span.Length);
        }
    }

    /// <summary>Makes room for <paramref name="codes"/> codes in all (a snapshot read knows how many it brings).</summary>
    public void EnsureCapacity(int codes)
    {
        if (codes > _spans.Length)
        {
            Array.Resize(ref _spans, codes);
        }

        var slots = _slots.Length;
        while (codes * 2 > slots)
        {
            slots *= 2;
        }

        if (slots != _slots.Length)
        {
            Rehash(slots);
        }
    }

    /// <summary>The runtime's randomized string hash: codes come from integrators, so no one can aim codes at one slot.</summary>
    private static int Hash(ReadOnlySpan<char> code) => string.GetHashCode(code) & int.MaxValue;

    private void Rehash(int slots)
    {
        _slots = new int[slots];
        for (var number = 0; number < _count; number++)
        {
            Place(_spans[number].Hash, number);
        }
    }

    private void Place(int hash, int number)
    {
        var mask = _slots.Length - 1;
        var slot = hash & mask;
        while (_slots[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        _slots[slot] = number + 1;
    }
}
