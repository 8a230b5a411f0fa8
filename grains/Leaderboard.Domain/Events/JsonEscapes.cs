namespace Leaderboard.Domain.Events;

/// <summary>The text of JSON string values (and property names) as raw UTF-8, with escapes decoded.</summary>
internal static class JsonEscapes
{
    /// <summary>
    /// Decodes the JSON escapes of a string's raw text into UTF-8; the destination holds at least raw.Length bytes
    /// (no escape decodes to more bytes than it takes). A lone surrogate escape is kept as its 3-byte generalised
    /// UTF-8 form, which no valid UTF-8 text contains, so the encoding stays unambiguous and never fails.
    /// </summary>
    public static int Decode(ReadOnlySpan<byte> raw, Span<byte> destination)
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
