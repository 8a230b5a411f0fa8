using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Leaderboard.Domain.Events;

/// <summary>
/// Reads one JSON value in a single forward pass and writes its canonical form, hashed with SHA-256. The form is not
/// JSON but an unambiguous byte encoding of the parsed value: objects with keys in code point order, strings as their
/// decoded UTF-8 bytes with a length prefix, numbers as sign, significant digits and exponent (so equal values encode
/// equally), arrays in order, true/false/null as tags.
/// <para>
/// The pass keeps every container's members (an object's sorted by name) in a member table and the raw tokens where
/// they are in the input, so that the root object's properties serve as the event's fields and the form is written
/// only when asked for, once. It also finds what makes a value unfit for the form: a repeated property name or
/// nesting deeper than <see cref="MaxDepth"/>; of several, the first met walking the form in its order (an object's
/// own repeated names before anything inside it). One writer per thread is reused, so reading allocates nothing but
/// what it reports.
/// </para>
/// </summary>
internal sealed class CanonicalWriter
{
    /// <summary>Deeper values are refused rather than risking the stack; JSON documents stop at 64 by default.</summary>
    public const int MaxDepth = 256;

    private const int KeepBytes = 1 << 20;
    private const int KeepMembers = 4096;

    /// <summary>Objects of up to this many properties are sorted by insertion.</summary>
    private const int SmallObject = 16;

    [ThreadStatic]
    private static CanonicalWriter? _cached;

    private readonly Comparison<CanonicalMember> _byName;

    // Kept with the writer: a one-shot SHA256.HashData sets up and frees a native digest context for every event.
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    private byte[] _buffer = new byte[1024];
    private int _length;
    private byte[] _names = new byte[256];
    private int _namesLength;

    // Members of the containers still open (a stack), and of those read to their end (blocks, in the order closed).
    private CanonicalMember[] _open = new CanonicalMember[32];
    private int _openLength;
    private CanonicalMember[] _members = new CanonicalMember[32];
    private int _membersLength;

    // At least the size of the canonical form of what has been read, so that writing it needs one capacity check.
    private long _bound;

    private CanonicalMember _root;
    private int _rootStart;
    private int _rootLength;

    public CanonicalWriter()
    {
        // One delegate for the writer's life: sorting with a comparer struct boxed it and made a delegate per object.
        _byName = CompareByName;
    }

    /// <summary>What the value read holds: <see cref="CanonicalStatus.Ok"/> when it has a canonical form.</summary>
    public CanonicalStatus Status => _root.Status;

    /// <summary>The repeated property name, when <see cref="Status"/> says there is one.</summary>
    public string? Duplicate => _root.Status == CanonicalStatus.DuplicateProperty
        ? Encoding.UTF8.GetString(_names, _root.DuplicateStart, _root.DuplicateLength)
        : null;

    public bool IsObject => _root.Kind == JsonTokenType.StartObject;

    /// <summary>Where the value read starts in the input (after white space, and comments where they are skipped).</summary>
    public int RootStart => _rootStart;

    /// <summary>How many bytes of the input the value read takes.</summary>
    public int RootLength => _rootLength;

    /// <summary>How many properties the root object has (0 for any other value).</summary>
    public int PropertyCount => IsObject ? _root.Length : 0;

    /// <summary>Takes this thread's writer (or a new one) off the thread while in use; <see cref="Return"/> puts it back.</summary>
    public static CanonicalWriter Take()
    {
        var writer = _cached ?? new CanonicalWriter();
        _cached = null;
        return writer;
    }

    /// <summary>
    /// Puts the writer back for the thread's next value, with nothing big held. Only after a clean run: should anything
    /// but a <see cref="JsonException"/> from <see cref="Read"/> be thrown, the writer (and a digest it may have left
    /// half-fed) goes to the GC and the next call starts a new one.
    /// </summary>
    public void Return()
    {
        if (_buffer.Length > KeepBytes)
        {
            _buffer = new byte[1024];
        }

        if (_names.Length > KeepBytes)
        {
            _names = new byte[256];
        }

        if (_open.Length > KeepMembers)
        {
            _open = new CanonicalMember[32];
        }

        if (_members.Length > KeepMembers)
        {
            _members = new CanonicalMember[32];
        }

        _cached = this;
    }

    /// <summary>Reads the one JSON value that <paramref name="json"/> holds, white space aside.</summary>
    /// <exception cref="JsonException">The input is not exactly one JSON value under <paramref name="options"/>.</exception>
    public void Read(ReadOnlySpan<byte> json, JsonReaderOptions options)
    {
        _length = 0;
        _namesLength = 0;
        _openLength = 0;
        _membersLength = 0;
        _bound = 0;
        _root = default;
        var reader = new Utf8JsonReader(json, options);
        Next(ref reader);
        _rootStart = (int)reader.TokenStartIndex;
        Push(ref reader, 0, 0, 0, 0, 0);
        _root = _open[--_openLength];
        _rootLength = (int)reader.BytesConsumed - _rootStart;

        // Only white space may follow: the reader throws on anything else.
        if (reader.Read())
        {
            throw new JsonException("more than one JSON value");
        }
    }

    /// <summary>The decoded name of the root object's property <paramref name="index"/> (properties sorted by name, then position).</summary>
    public ReadOnlySpan<byte> PropertyName(int index)
    {
        ref readonly var member = ref Property(index);
        return _names.AsSpan(member.NameStart, member.NameLength);
    }

    /// <summary>The root object's property <paramref name="index"/> (properties sorted by name, then position).</summary>
    public ref readonly CanonicalMember Property(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)PropertyCount, nameof(index));
        return ref _members[_root.Start + index];
    }

    /// <summary>Writes the canonical form of the value read from <paramref name="json"/> and its SHA-256 into <paramref name="hash"/> (32 bytes).</summary>
    /// <exception cref="InvalidOperationException">The value has no canonical form (<see cref="Status"/>).</exception>
    public void Hash(ReadOnlySpan<byte> json, Span<byte> hash)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hash.Length, SHA256.HashSizeInBytes, nameof(hash));
        if (Status != CanonicalStatus.Ok)
        {
            throw new InvalidOperationException("the value has no canonical form");
        }

        _length = 0;
        EnsureCapacity(ref _buffer, 0, (int)Math.Min(_bound, Array.MaxLength));
        Write(json, _root);
        _sha256.AppendData(_buffer.AsSpan(0, _length));
        _sha256.GetHashAndReset(hash);
    }

    private static void Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("incomplete JSON value");
        }
    }

    /// <summary>Reads the value the reader is on, to its last token, and pushes it as a member of the open container.</summary>
    private void Push(ref Utf8JsonReader reader, int depth, int nameStart, int nameLength, ulong nameKey, int position)
    {
        var kind = reader.TokenType;
        CanonicalMember member;
        switch (kind)
        {
            case JsonTokenType.StartObject or JsonTokenType.StartArray when depth >= MaxDepth:
                reader.Skip();
                member = new CanonicalMember(nameStart, nameLength, nameKey, position, kind, false, CanonicalStatus.TooDeep, 0, 0, 0, 0);
                break;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                _bound += 2;
                member = ReadContainer(ref reader, depth, nameStart, nameLength, nameKey, position);
                break;
            case JsonTokenType.String:
                var text = reader.ValueSpan.Length;
                _bound += 5 + text;
                member = new CanonicalMember(nameStart, nameLength, nameKey, position, kind, reader.ValueIsEscaped, CanonicalStatus.Ok, (int)reader.TokenStartIndex + 1, text, 0, 0);
                break;
            default:
                // A number's form: sign, at most its digits, 'e', an exponent of at most 20 characters or its own length
                // and two, ';' (or '?' and the text as a string). A literal's: one byte.
                var token = reader.ValueSpan.Length;
                _bound += kind == JsonTokenType.Number ? 25 + (2L * token) : 1;
                member = new CanonicalMember(nameStart, nameLength, nameKey, position, kind, false, CanonicalStatus.Ok, (int)reader.TokenStartIndex, token, 0, 0);
                break;
        }

        if (_openLength == _open.Length)
        {
            Array.Resize(ref _open, _open.Length * 2);
        }

        _open[_openLength++] = member;
    }

    /// <summary>
    /// Reads the members of the object or array whose start the reader is on, to its end, and moves them (an object's
    /// sorted) to the member table as one block; answers the container as a member, with what it holds.
    /// </summary>
    private CanonicalMember ReadContainer(ref Utf8JsonReader reader, int depth, int nameStart, int nameLength, ulong nameKey, int position)
    {
        var kind = reader.TokenType;
        var isObject = kind == JsonTokenType.StartObject;
        var open = _openLength;
        var count = 0;
        while (true)
        {
            Next(ref reader);
            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                break;
            }

            var start = _namesLength;
            var key = 0UL;
            if (isObject)
            {
                var raw = reader.ValueSpan;
                EnsureCapacity(ref _names, _namesLength, raw.Length);
                var name = _names.AsSpan(_namesLength);
                var length = reader.ValueIsEscaped ? JsonEscapes.Decode(raw, name) : Copy(raw, name);
                key = KeyOf(name[..length]);
                _namesLength += length;
                _bound += 5 + length;
                Next(ref reader);
            }

            Push(ref reader, depth + 1, start, _namesLength - start, key, count++);
        }

        var members = _open.AsSpan(open, count);
        var status = CanonicalStatus.Ok;
        var duplicateStart = 0;
        var duplicateLength = 0;
        if (isObject)
        {
            SortByName(members);
            status = FindRepeatedName(members, out duplicateStart, out duplicateLength);
        }

        if (status == CanonicalStatus.Ok)
        {
            foreach (ref readonly var member in members)
            {
                if (member.Status != CanonicalStatus.Ok)
                {
                    status = member.Status;
                    duplicateStart = member.DuplicateStart;
                    duplicateLength = member.DuplicateLength;
                    break;
                }
            }
        }

        var first = _membersLength;
        if (_members.Length - _membersLength < count)
        {
            Array.Resize(ref _members, Math.Max(_members.Length * 2, _membersLength + count));
        }

        members.CopyTo(_members.AsSpan(_membersLength));
        _membersLength += count;
        _openLength = open;
        return new CanonicalMember(nameStart, nameLength, nameKey, position, kind, false, status, first, count, duplicateStart, duplicateLength);
    }

    /// <summary>
    /// The first eight bytes of a name, big-endian and zero-padded: keys in numeric order are names in byte order, or
    /// equal; for names of one length up to eight bytes, equal keys are equal names.
    /// </summary>
    public static ulong KeyOf(ReadOnlySpan<byte> name)
    {
        if (name.Length >= sizeof(ulong))
        {
            return BinaryPrimitives.ReadUInt64BigEndian(name);
        }

        var key = 0UL;
        for (var i = 0; i < name.Length; i++)
        {
            key |= (ulong)name[i] << (56 - (8 * i));
        }

        return key;
    }

    private CanonicalStatus FindRepeatedName(ReadOnlySpan<CanonicalMember> sorted, out int start, out int length)
    {
        for (var i = 1; i < sorted.Length; i++)
        {
            ref readonly var current = ref sorted[i];
            ref readonly var previous = ref sorted[i - 1];
            if (current.NameKey == previous.NameKey
                && _names.AsSpan(current.NameStart, current.NameLength).SequenceEqual(_names.AsSpan(previous.NameStart, previous.NameLength)))
            {
                start = current.NameStart;
                length = current.NameLength;
                return CanonicalStatus.DuplicateProperty;
            }
        }

        start = 0;
        length = 0;
        return CanonicalStatus.Ok;
    }

    /// <summary>
    /// Sorts by <see cref="CompareByName"/>: small objects (every event) by an insertion sort that calls it directly,
    /// larger ones by the general sort. Both give the one order, as the comparison is total.
    /// </summary>
    private void SortByName(Span<CanonicalMember> members)
    {
        if (members.Length > SmallObject)
        {
            members.Sort(_byName);
            return;
        }

        for (var i = 1; i < members.Length; i++)
        {
            var current = members[i];
            var j = i - 1;
            for (; j >= 0 && Follows(members[j], current); j--)
            {
                members[j + 1] = members[j];
            }

            members[j + 1] = current;
        }
    }

    /// <summary><see cref="CompareByName"/> &gt; 0, with the keys (which nearly always differ) compared in place.</summary>
    private bool Follows(in CanonicalMember x, in CanonicalMember y) =>
        x.NameKey != y.NameKey ? x.NameKey > y.NameKey : CompareByName(x, y) > 0;

    /// <summary>Orders properties by the UTF-8 bytes of their decoded names (code point order), then by position so the order is total.</summary>
    private int CompareByName(CanonicalMember x, CanonicalMember y)
    {
        if (x.NameKey != y.NameKey)
        {
            return x.NameKey < y.NameKey ? -1 : 1;
        }

        var byName = _names.AsSpan(x.NameStart, x.NameLength).SequenceCompareTo(_names.AsSpan(y.NameStart, y.NameLength));
        return byName != 0 ? byName : x.Position.CompareTo(y.Position);
    }

    /// <summary>Writes the canonical form of <paramref name="value"/>; the buffer holds it (<see cref="_bound"/>).</summary>
    private void Write(ReadOnlySpan<byte> json, in CanonicalMember value)
    {
        switch (value.Kind)
        {
            case JsonTokenType.StartObject:
                _buffer[_length++] = (byte)'{';
                for (var i = value.Start; i < value.Start + value.Length; i++)
                {
                    ref readonly var property = ref _members[i];
                    WriteDecoded(_names.AsSpan(property.NameStart, property.NameLength));
                    Write(json, property);
                }

                _buffer[_length++] = (byte)'}';
                return;
            case JsonTokenType.StartArray:
                _buffer[_length++] = (byte)'[';
                for (var i = value.Start; i < value.Start + value.Length; i++)
                {
                    Write(json, _members[i]);
                }

                _buffer[_length++] = (byte)']';
                return;
            case JsonTokenType.String:
                var raw = json.Slice(value.Start, value.Length);
                var written = value.Escaped ? JsonEscapes.Decode(raw, _buffer.AsSpan(_length + 5)) : Copy(raw, _buffer.AsSpan(_length + 5));
                _buffer[_length] = (byte)'s';
                BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_length + 1), written);
                _length += 5 + written;
                return;
            case JsonTokenType.Number:
                WriteNumber(json.Slice(value.Start, value.Length));
                return;
            case JsonTokenType.True:
                _buffer[_length++] = (byte)'t';
                return;
            case JsonTokenType.False:
                _buffer[_length++] = (byte)'f';
                return;
            default:
                _buffer[_length++] = (byte)'n';
                return;
        }
    }

    private void WriteDecoded(ReadOnlySpan<byte> decoded)
    {
        _buffer[_length] = (byte)'s';
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_length + 1), decoded.Length);
        decoded.CopyTo(_buffer.AsSpan(_length + 5));
        _length += decoded.Length + 5;
    }

    private void WriteNumber(ReadOnlySpan<byte> raw)
    {
        if (!JsonNumberParts.TryParse(raw, out var number))
        {
            // Not reachable for a number token; keep the text rather than fail.
            _buffer[_length++] = (byte)'?';
            WriteDecoded(raw);
            return;
        }

        if (number.IsZero)
        {
            _buffer[_length++] = (byte)'0';
            return;
        }

        _buffer[_length++] = number.Negative ? (byte)'-' : (byte)'+';
        number.CopySignificand(_buffer.AsSpan(_length));
        _length += number.SignificandLength;
        _buffer[_length++] = (byte)'e';
        if (number.TryGetExponent(out var exponent))
        {
            exponent.TryFormat(_buffer.AsSpan(_length), out var written, default, System.Globalization.CultureInfo.InvariantCulture);
            _length += written;
        }
        else
        {
            var text = number.Exponent().ToString(System.Globalization.CultureInfo.InvariantCulture);
            _length += Encoding.ASCII.GetBytes(text, _buffer.AsSpan(_length));
        }

        _buffer[_length++] = (byte)';';
    }

    private static int Copy(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        source.CopyTo(destination);
        return source.Length;
    }

    private static void EnsureCapacity(ref byte[] buffer, int length, int extra)
    {
        if (buffer.Length - length < extra)
        {
            Array.Resize(ref buffer, (int)Math.Min(Array.MaxLength, Math.Max((long)buffer.Length * 2, (long)length + extra)));
        }
    }
}
