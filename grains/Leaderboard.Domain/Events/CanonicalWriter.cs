using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Leaderboard.Domain.Events;

/// <summary>
/// Writes the canonical form of a JSON value and hashes it with SHA-256. The form is not JSON but an unambiguous
/// byte encoding of the parsed value: objects with keys in code point order, strings as their decoded UTF-8 bytes
/// with a length prefix, numbers as sign, significant digits and exponent (so equal values encode equally), arrays
/// in order, true/false/null as tags. One writer per thread is reused, so hashing allocates only the hash.
/// </summary>
internal sealed class CanonicalWriter
{
    /// <summary>Deeper values are refused rather than risking the stack; JSON documents stop at 64 by default.</summary>
    public const int MaxDepth = 256;

    private const int KeepBytes = 1 << 20;

    [ThreadStatic]
    private static CanonicalWriter? _cached;

    private readonly Comparison<CanonicalProperty> _byName;
    private byte[] _buffer = new byte[1024];
    private int _length;
    private byte[] _names = new byte[256];
    private int _namesLength;
    private CanonicalProperty[] _properties = new CanonicalProperty[32];
    private int _propertiesLength;
    private int _propertiesUsed;
    private string? _duplicate;

    public CanonicalWriter()
    {
        // One delegate for the writer's life: sorting with a comparer struct boxed it and made a delegate per object.
        _byName = CompareByName;
    }

    /// <summary>Hashes <paramref name="element"/> into <paramref name="hash"/> (32 bytes) unless an object repeats a property name or nests too deep.</summary>
    public static CanonicalStatus TryHash(JsonElement element, Span<byte> hash, out string? duplicate)
    {
        var writer = _cached ?? new CanonicalWriter();
        _cached = null;
        try
        {
            writer._length = 0;
            writer._namesLength = 0;
            writer._propertiesLength = 0;
            writer._duplicate = null;
            var status = writer.Write(element, 0);
            duplicate = writer._duplicate;
            if (status == CanonicalStatus.Ok)
            {
                SHA256.HashData(writer._buffer.AsSpan(0, writer._length), hash);
            }

            return status;
        }
        finally
        {
            writer.Release();
            _cached = writer;
        }
    }

    private CanonicalStatus Write(JsonElement element, int depth)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                return depth >= MaxDepth ? CanonicalStatus.TooDeep : WriteObject(element, depth);
            case JsonValueKind.Array:
                if (depth >= MaxDepth)
                {
                    return CanonicalStatus.TooDeep;
                }

                Append((byte)'[');
                foreach (var item in element.EnumerateArray())
                {
                    var status = Write(item, depth + 1);
                    if (status != CanonicalStatus.Ok)
                    {
                        return status;
                    }
                }

                Append((byte)']');
                return CanonicalStatus.Ok;
            case JsonValueKind.String:
                WriteString(Unquote(JsonMarshal.GetRawUtf8Value(element)));
                return CanonicalStatus.Ok;
            case JsonValueKind.Number:
                WriteNumber(JsonMarshal.GetRawUtf8Value(element));
                return CanonicalStatus.Ok;
            case JsonValueKind.True:
                Append((byte)'t');
                return CanonicalStatus.Ok;
            case JsonValueKind.False:
                Append((byte)'f');
                return CanonicalStatus.Ok;
            default:
                Append((byte)'n');
                return CanonicalStatus.Ok;
        }
    }

    private CanonicalStatus WriteObject(JsonElement element, int depth)
    {
        var first = _propertiesLength;
        var namesStart = _namesLength;
        var position = 0;
        foreach (var property in element.EnumerateObject())
        {
            var raw = Unquote(JsonMarshal.GetRawUtf8PropertyName(property));
            var nameStart = _namesLength;
            EnsureCapacity(ref _names, _namesLength, raw.Length);
            _namesLength += Decode(raw, _names.AsSpan(_namesLength));
            if (_propertiesLength == _properties.Length)
            {
                Array.Resize(ref _properties, _properties.Length * 2);
            }

            _properties[_propertiesLength++] = new CanonicalProperty(nameStart, _namesLength - nameStart, position++, property.Value);
        }

        _propertiesUsed = Math.Max(_propertiesUsed, _propertiesLength);
        var count = _propertiesLength - first;
        _properties.AsSpan(first, count).Sort(_byName);
        for (var i = first + 1; i < first + count; i++)
        {
            var previous = _properties[i - 1];
            var current = _properties[i];
            var name = _names.AsSpan(current.NameStart, current.NameLength);
            if (name.SequenceEqual(_names.AsSpan(previous.NameStart, previous.NameLength)))
            {
                _duplicate = Encoding.UTF8.GetString(name);
                return CanonicalStatus.DuplicateProperty;
            }
        }

        Append((byte)'{');
        for (var i = first; i < first + count; i++)
        {
            // Re-read the fields each time: a nested object may have grown (replaced) the arrays.
            var property = _properties[i];
            WriteDecoded(_names.AsSpan(property.NameStart, property.NameLength));
            var status = Write(property.Value, depth + 1);
            if (status != CanonicalStatus.Ok)
            {
                return status;
            }
        }

        Append((byte)'}');
        _propertiesLength = first;
        _namesLength = namesStart;
        return CanonicalStatus.Ok;
    }

    /// <summary>Orders properties by the UTF-8 bytes of their decoded names (code point order), then by position so the order is total.</summary>
    private int CompareByName(CanonicalProperty x, CanonicalProperty y)
    {
        var byName = _names.AsSpan(x.NameStart, x.NameLength).SequenceCompareTo(_names.AsSpan(y.NameStart, y.NameLength));
        return byName != 0 ? byName : x.Position.CompareTo(y.Position);
    }

    private void WriteString(ReadOnlySpan<byte> raw)
    {
        EnsureCapacity(ref _buffer, _length, raw.Length + 5);
        var lengthAt = _length + 1;
        _buffer[_length] = (byte)'s';
        var written = Decode(raw, _buffer.AsSpan(lengthAt + 4));
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(lengthAt), written);
        _length = lengthAt + 4 + written;
    }

    private void WriteDecoded(ReadOnlySpan<byte> decoded)
    {
        EnsureCapacity(ref _buffer, _length, decoded.Length + 5);
        _buffer[_length] = (byte)'s';
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_length + 1), decoded.Length);
        decoded.CopyTo(_buffer.AsSpan(_length + 5));
        _length += decoded.Length + 5;
    }

    private void WriteNumber(ReadOnlySpan<byte> raw)
    {
        if (!JsonNumberParts.TryParse(raw, out var number))
        {
            // Not reachable for a parsed document; keep the text rather than fail.
            Append((byte)'?');
            WriteDecoded(raw);
            return;
        }

        if (number.IsZero)
        {
            Append((byte)'0');
            return;
        }

        EnsureCapacity(ref _buffer, _length, number.SignificandLength + 2);
        _buffer[_length++] = number.Negative ? (byte)'-' : (byte)'+';
        number.CopySignificand(_buffer.AsSpan(_length));
        _length += number.SignificandLength;
        _buffer[_length++] = (byte)'e';
        EnsureCapacity(ref _buffer, _length, 21);
        if (number.TryGetExponent(out var exponent))
        {
            exponent.TryFormat(_buffer.AsSpan(_length), out var written, default, System.Globalization.CultureInfo.InvariantCulture);
            _length += written;
        }
        else
        {
            var text = number.Exponent().ToString(System.Globalization.CultureInfo.InvariantCulture);
            EnsureCapacity(ref _buffer, _length, text.Length);
            _length += Encoding.ASCII.GetBytes(text, _buffer.AsSpan(_length));
        }

        Append((byte)';');
    }

    private void Append(byte b)
    {
        EnsureCapacity(ref _buffer, _length, 1);
        _buffer[_length++] = b;
    }

    private void Release()
    {
        // Drop references to documents and oversized buffers so the cached writer holds nothing big.
        Array.Clear(_properties, 0, _propertiesUsed);
        _propertiesUsed = 0;
        if (_buffer.Length > KeepBytes)
        {
            _buffer = new byte[1024];
        }

        if (_names.Length > KeepBytes)
        {
            _names = new byte[256];
        }

        if (_properties.Length > 4096)
        {
            _properties = new CanonicalProperty[32];
        }
    }

    private static void EnsureCapacity(ref byte[] buffer, int length, int extra)
    {
        if (buffer.Length - length < extra)
        {
            Array.Resize(ref buffer, (int)Math.Min(Array.MaxLength, Math.Max((long)buffer.Length * 2, (long)length + extra)));
        }
    }

    private static ReadOnlySpan<byte> Unquote(ReadOnlySpan<byte> raw) =>
        raw.Length >= 2 && raw[0] == '"' ? raw[1..^1] : raw;

    /// <summary>
    /// Decodes the JSON escapes of a string's raw text into UTF-8; the destination holds at least raw.Length bytes
    /// (no escape decodes to more bytes than it takes). A lone surrogate escape is kept as its 3-byte generalised
    /// UTF-8 form, which no valid UTF-8 text contains, so the encoding stays unambiguous and never fails.
    /// </summary>
    private static int Decode(ReadOnlySpan<byte> raw, Span<byte> destination)
    {
        var escape = raw.IndexOf((byte)'\\');
        if (escape < 0)
        {
            raw.CopyTo(destination);
            return raw.Length;
        }

        raw[..escape].CopyTo(destination);
        var written = escape;
        var i = escape;
        while (i < raw.Length)
        {
            var b = raw[i];
            if (b != '\\' || i + 1 >= raw.Length)
            {
                destination[written++] = b;
                i++;
                continue;
            }

            var e = raw[i + 1];
            switch (e)
            {
                case (byte)'b':
                    destination[written++] = 0x08;
                    i += 2;
                    continue;
                case (byte)'f':
                    destination[written++] = 0x0C;
                    i += 2;
                    continue;
                case (byte)'n':
                    destination[written++] = 0x0A;
                    i += 2;
                    continue;
                case (byte)'r':
                    destination[written++] = 0x0D;
                    i += 2;
                    continue;
                case (byte)'t':
                    destination[written++] = 0x09;
                    i += 2;
                    continue;
                case (byte)'u' when TryHex4(raw, i + 2, out var unit):
                    i += 6;
                    var codePoint = unit;
                    if (unit is >= 0xD800 and <= 0xDBFF && i + 5 < raw.Length && raw[i] == '\\' && raw[i + 1] == 'u'
                        && TryHex4(raw, i + 2, out var low) && low is >= 0xDC00 and <= 0xDFFF)
                    {
                        codePoint = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                        i += 6;
                    }

                    written += EncodeUtf8(codePoint, destination[written..]);
                    continue;
                default:
                    // \" \\ \/ stand for the character itself.
                    destination[written++] = e;
                    i += 2;
                    continue;
            }
        }

        return written;
    }

    private static int EncodeUtf8(int codePoint, Span<byte> destination)
    {
        if (codePoint < 0x80)
        {
            destination[0] = (byte)codePoint;
            return 1;
        }

        if (codePoint < 0x800)
        {
            destination[0] = (byte)(0xC0 | (codePoint >> 6));
            destination[1] = (byte)(0x80 | (codePoint & 0x3F));
            return 2;
        }

        if (codePoint < 0x10000)
        {
            destination[0] = (byte)(0xE0 | (codePoint >> 12));
            destination[1] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
            destination[2] = (byte)(0x80 | (codePoint & 0x3F));
            return 3;
        }

        destination[0] = (byte)(0xF0 | (codePoint >> 18));
        destination[1] = (byte)(0x80 | ((codePoint >> 12) & 0x3F));
        destination[2] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
        destination[3] = (byte)(0x80 | (codePoint & 0x3F));
        return 4;
    }

    private static bool TryHex4(ReadOnlySpan<byte> raw, int start, out int value)
    {
        value = 0;
        if (start + 4 > raw.Length)
        {
            return false;
        }

        for (var i = start; i < start + 4; i++)
        {
            var digit = HexValue(raw[i]);
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        return true;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
