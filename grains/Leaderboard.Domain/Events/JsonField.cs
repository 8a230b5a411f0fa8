using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Leaderboard.Domain.Events;

/// <summary>
/// One field of an event as it stands in the input: its token (<see cref="JsonTokenType.None"/> when the field is
/// absent) and, for a string or number, its raw text (a string's without its quotes, escapes as written).
/// </summary>
internal readonly ref struct JsonField
{
    /// <summary>Strings of up to this many raw bytes are decoded on the stack.</summary>
    private const int StackBytes = 256;

    private readonly bool _ascii;

    /// <param name="kind">The token; <see cref="JsonTokenType.None"/> for an absent field.</param>
    /// <param name="raw">A string's or number's raw text.</param>
    /// <param name="escaped">True when <paramref name="raw"/> holds an escape.</param>
    /// <param name="ascii">True when <paramref name="raw"/> is known to be ASCII (the whole input is).</param>
    public JsonField(JsonTokenType kind, ReadOnlySpan<byte> raw, bool escaped, bool ascii)
    {
        Kind = kind;
        Raw = raw;
        IsEscaped = escaped;
        _ascii = ascii;
    }

    public JsonTokenType Kind { get; }

    public ReadOnlySpan<byte> Raw { get; }

    /// <summary>True when <see cref="Raw"/> holds an escape (a backslash).</summary>
    public bool IsEscaped { get; }

    /// <summary>
    /// The text of a string, or null when its escapes leave a lone surrogate (what JSON readers refuse to make a
    /// string of). The input is valid UTF-8, so only an escape can make the text invalid.
    /// </summary>
    public string? GetString()
    {
        if (!IsEscaped)
        {
            // ASCII is its own UTF-16: widened in one pass, where UTF-8 decoding counts the characters first.
            return _ascii ? Encoding.Latin1.GetString(Raw) : Encoding.UTF8.GetString(Raw);
        }

        byte[]? rented = null;
        var decoded = Raw.Length <= StackBytes ? stackalloc byte[StackBytes] : (rented = ArrayPool<byte>.Shared.Rent(Raw.Length));
        var length = JsonEscapes.Decode(Raw, decoded);
        var text = Utf8.IsValid(decoded[..length]) ? Encoding.UTF8.GetString(decoded[..length]) : null;
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return text;
    }

    /// <summary>Compares a string's text with an ASCII literal (of at most 21 bytes), case-sensitively, without allocating.</summary>
    public bool ValueEquals(ReadOnlySpan<byte> literal)
    {
        if (!IsEscaped)
        {
            return Raw.SequenceEqual(literal);
        }

        // An escape takes at most six bytes per byte it stands for, so a longer value decodes to more than 21 bytes.
        Span<byte> decoded = stackalloc byte[128];
        return Raw.Length <= decoded.Length && decoded[..JsonEscapes.Decode(Raw, decoded)].SequenceEqual(literal);
    }
}
