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

    /// <summary>Objects of up to this many properties are sorted by insertion.</summary>
    private const int SmallObject = 16;

    [ThreadStatic]
    private static CanonicalWriter? _cached;

    private readonly Comparison<CanonicalProperty> _byName;

    // Kept with the writer: a one-shot SHA256.HashData sets up and frees a native digest context for every event.
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

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
        ArgumentOutOfRangeException.ThrowIfLessThan(hash.Length, SHA256.HashSizeInBytes, nameof(hash));

        // Taken off the thread while in use and put back only after a clean run: should anything throw, the writer
        // (and a digest it may have left half-fed) goes to the GC and the next call starts a new one.
        var writer = _cached ?? new CanonicalWriter();
        _cached = null;
        writer._length = 0;
        writer._namesLength = 0;
        writer._propertiesLength = 0;
        writer._duplicate = null;
        var status = writer.Write(element, 0);
        duplicate = writer._duplicate;
        if (status == CanonicalStatus.Ok)
        {
            writer._sha256.AppendData(writer._buffer.AsSpan(0, writer._length));
            writer._sha256.GetHashAndReset(hash);
        }

        writer.Release();
        _cached = writer;
        return status;
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
                WriteString(JsonEscapes.Unquote(JsonMarshal.GetRawUtf8Value(element)));
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
            var raw = JsonEscapes.Unquote(JsonMarshal.GetRawUtf8PropertyName(property));
            var nameStart = _namesLength;
            EnsureCapacity(ref _names, _namesLength, raw.Length);
            _namesLength += JsonEscapes.Decode(raw, _names.AsSpan(_namesLength));
            if (_propertiesLength == _properties.Length)
            {
                Array.Resize(ref _properties, _properties.Length * 2);
            }

            _properties[_propertiesLength++] = new CanonicalProperty(nameStart, _namesLength - nameStart, position++, property.Value);
        }

        _propertiesUsed = Math.Max(_propertiesUsed, _propertiesLength);
        var count = _propertiesLength - first;
        SortByName(_properties.AsSpan(first, count));
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

    /// <summary>
    /// Sorts by <see cref="CompareByName"/>: small objects (every event) by an insertion sort that calls it directly,
    /// larger ones by the general sort. Both give the one order, as the comparison is total.
    /// </summary>
    private void SortByName(Span<CanonicalProperty> properties)
    {
        if (properties.Length > SmallObject)
        {
            properties.Sort(_byName);
            return;
        }

        for (var i = 1; i < properties.Length; i++)
        {
            var current = properties[i];
            var j = i - 1;
            for (; j >= 0 && CompareByName(properties[j], current) > 0; j--)
            {
                properties[j + 1] = properties[j];
            }

            properties[j + 1] = current;
        }
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
        var written = JsonEscapes.Decode(raw, _buffer.AsSpan(lengthAt + 4));
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
}
