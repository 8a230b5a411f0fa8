namespace Leaderboard.Domain.Events;

/// <summary>Orders properties by the UTF-8 bytes of their decoded names (code point order), then by position so the order is total.</summary>
internal readonly struct CanonicalPropertyComparer(byte[] names) : IComparer<CanonicalProperty>
{
    public int Compare(CanonicalProperty x, CanonicalProperty y)
    {
        var byName = names.AsSpan(x.NameStart, x.NameLength).SequenceCompareTo(names.AsSpan(y.NameStart, y.NameLength));
        return byName != 0 ? byName : x.Position.CompareTo(y.Position);
    }
}
