using System.Globalization;
using System.Numerics;

namespace Leaderboard.Domain.Events;

/// <summary>
/// A JSON number token split into sign, digits and exponent, seen as the exact value
/// <c>±significand × 10^exponent</c> with the significand's leading and trailing zeros removed, so that
/// 1, 1.0, 1e0 and 10E-1 have the same parts. Works on the text, so no number is too large.
/// </summary>
internal readonly ref struct JsonNumberParts
{
    private readonly ReadOnlySpan<byte> _integer;
    private readonly ReadOnlySpan<byte> _fraction;
    private readonly ReadOnlySpan<byte> _exponentDigits;
    private readonly bool _exponentNegative;
    private readonly int _first;
    private readonly int _last;

    private JsonNumberParts(bool negative, ReadOnlySpan<byte> integer, ReadOnlySpan<byte> fraction, bool exponentNegative, ReadOnlySpan<byte> exponentDigits)
    {
        _integer = integer;
        _fraction = fraction;
        _exponentNegative = exponentNegative;
        _exponentDigits = exponentDigits.TrimStart((byte)'0');
        _first = -1;
        _last = -1;
        var length = integer.Length + fraction.Length;
        for (var i = 0; i < length; i++)
        {
            if (DigitAt(i) != '0')
            {
                _first = i;
                break;
            }
        }

        if (_first >= 0)
        {
            for (var i = length - 1; i >= _first; i--)
            {
                if (DigitAt(i) != '0')
                {
                    _last = i;
                    break;
                }
            }
        }

        Negative = negative && _first >= 0;
    }

    /// <summary>True for a value below zero; -0 is zero and not negative.</summary>
    public bool Negative { get; }

    public bool IsZero => _first < 0;

    /// <summary>Number of significant digits (0 for zero).</summary>
    public int SignificandLength => _first < 0 ? 0 : _last - _first + 1;

    /// <summary>Splits a token of the JSON number grammar; false for anything else.</summary>
    public static bool TryParse(ReadOnlySpan<byte> raw, out JsonNumberParts parts)
    {
        parts = default;
        var i = 0;
        var negative = false;
        if (i < raw.Length && raw[i] == '-')
        {
            negative = true;
            i++;
        }

        var start = i;
        while (i < raw.Length && IsDigit(raw[i]))
        {
            i++;
        }

        if (i == start || (raw[start] == '0' && i - start > 1))
        {
            return false;
        }

        var integer = raw[start..i];
        var fraction = ReadOnlySpan<byte>.Empty;
        if (i < raw.Length && raw[i] == '.')
        {
            start = ++i;
            while (i < raw.Length && IsDigit(raw[i]))
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }

            fraction = raw[start..i];
        }

        var exponentNegative = false;
        var exponent = ReadOnlySpan<byte>.Empty;
        if (i < raw.Length && (raw[i] == 'e' || raw[i] == 'E'))
        {
            i++;
            if (i < raw.Length && (raw[i] == '+' || raw[i] == '-'))
            {
                exponentNegative = raw[i] == '-';
                i++;
            }

            start = i;
            while (i < raw.Length && IsDigit(raw[i]))
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }

            exponent = raw[start..i];
        }

        if (i != raw.Length)
        {
            return false;
        }

        parts = new JsonNumberParts(negative, integer, fraction, exponentNegative, exponent);
        return true;
    }

    /// <summary>Copies the significant digits (ASCII) to <paramref name="destination"/>, which must hold <see cref="SignificandLength"/> bytes.</summary>
    public void CopySignificand(Span<byte> destination)
    {
        if (_first < 0)
        {
            return;
        }

        var written = 0;
        if (_first < _integer.Length)
        {
            var end = Math.Min(_last + 1, _integer.Length);
            _integer[_first..end].CopyTo(destination);
            written = end - _first;
        }

        if (_last >= _integer.Length)
        {
            var from = Math.Max(_first, _integer.Length) - _integer.Length;
            _fraction[from..(_last + 1 - _integer.Length)].CopyTo(destination[written..]);
        }
    }

    /// <summary>The exponent of the normalised value, when it fits a long (always, unless the text's exponent has more than 18 digits).</summary>
    public bool TryGetExponent(out long exponent)
    {
        exponent = 0;
        if (_exponentDigits.Length > 18)
        {
            return false;
        }

        long written = 0;
        foreach (var d in _exponentDigits)
        {
            written = (written * 10) + (d - '0');
        }

        exponent = (_exponentNegative ? -written : written) - _fraction.Length + TrailingZeros();
        return true;
    }

    /// <summary>The exponent of the normalised value, however large.</summary>
    public BigInteger Exponent()
    {
        var written = _exponentDigits.Length == 0 ? BigInteger.Zero : BigInteger.Parse(System.Text.Encoding.ASCII.GetString(_exponentDigits), NumberStyles.None, CultureInfo.InvariantCulture);
        return (_exponentNegative ? -written : written) - _fraction.Length + TrailingZeros();
    }

    private int TrailingZeros() => _first < 0 ? 0 : _integer.Length + _fraction.Length - 1 - _last;

    private byte DigitAt(int index) => index < _integer.Length ? _integer[index] : _fraction[index - _integer.Length];

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}
