namespace Leaderboard.Domain.Events;

/// <summary>
/// The two date forms of events.md, parsed by hand from ASCII: a date-time
/// <c>YYYY-MM-DDThh:mm[:ss[.fraction]]</c> then <c>Z</c> or <c>±hh:mm</c>, and a plain date <c>YYYY-MM-DD</c>.
/// Methods return null on success, else the rejection message.
/// </summary>
internal static class EventTimestamp
{
    private const int MaxOffsetMinutes = 14 * 60;

    public static string? TryParseDateTime(ReadOnlySpan<byte> s, out DateTimeOffset value)
    {
        value = default;
        if (s.Length < 17
            || !TryDigits(s, 0, 4, out var year) || s[4] != '-'
            || !TryDigits(s, 5, 2, out var month) || s[7] != '-'
            || !TryDigits(s, 8, 2, out var day) || s[10] != 'T'
            || !TryDigits(s, 11, 2, out var hour) || s[13] != ':'
            || !TryDigits(s, 14, 2, out var minute))
        {
            return EventErrors.DateTimeFormat;
        }

        var pos = 16;
        var second = 0;
        long fractionTicks = 0;
        if (s[pos] == ':')
        {
            if (!TryDigits(s, 17, 2, out second))
            {
                return EventErrors.DateTimeFormat;
            }

            pos = 19;
            if (pos < s.Length && s[pos] == '.')
            {
                var start = ++pos;
                long scale = TimeSpan.TicksPerSecond / 10;
                while (pos < s.Length && IsDigit(s[pos]))
                {
                    // Digits beyond the 7th (100 ns) are below DateTimeOffset's precision: truncated.
                    fractionTicks += (s[pos] - '0') * scale;
                    scale /= 10;
                    pos++;
                }

                if (pos == start)
                {
                    return EventErrors.DateTimeFormat;
                }
            }
        }

        if (pos >= s.Length)
        {
            return EventErrors.DateTimeFormat;
        }

        int offsetMinutes;
        if (s[pos] == 'Z')
        {
            if (pos + 1 != s.Length)
            {
                return EventErrors.DateTimeFormat;
            }

            offsetMinutes = 0;
        }
        else if (s[pos] == '+' || s[pos] == '-')
        {
            if (pos + 6 != s.Length || !TryDigits(s, pos + 1, 2, out var offsetHours) || s[pos + 3] != ':' || !TryDigits(s, pos + 4, 2, out var offsetMinute))
            {
                return EventErrors.DateTimeFormat;
            }

            if (offsetMinute > 59)
            {
                return EventErrors.DateTimeNotReal;
            }

            offsetMinutes = (offsetHours * 60) + offsetMinute;
            if (offsetMinutes > MaxOffsetMinutes)
            {
                return EventErrors.Offset;
            }

            if (s[pos] == '-')
            {
                offsetMinutes = -offsetMinutes;
            }
        }
        else
        {
            return EventErrors.DateTimeFormat;
        }

        if (!IsRealDate(year, month, day) || hour > 23 || minute > 59 || second > 59)
        {
            return EventErrors.DateTimeNotReal;
        }

        var local = new DateTime(year, month, day, hour, minute, second).Ticks + fractionTicks;
        var offset = offsetMinutes * TimeSpan.TicksPerMinute;
        var utc = local - offset;
        if (utc < DateTime.MinValue.Ticks || utc > DateTime.MaxValue.Ticks)
        {
            return EventErrors.DateTimeNotReal;
        }

        value = new DateTimeOffset(local, new TimeSpan(offset));
        return null;
    }

    public static bool TryParseDate(ReadOnlySpan<byte> s, out DateOnly value)
    {
        value = default;
        if (s.Length != 10
            || !TryDigits(s, 0, 4, out var year) || s[4] != '-'
            || !TryDigits(s, 5, 2, out var month) || s[7] != '-'
            || !TryDigits(s, 8, 2, out var day)
            || !IsRealDate(year, month, day))
        {
            return false;
        }

        value = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>The calendar date of <paramref name="instant"/> in <paramref name="zone"/>; false at the very ends of the calendar.</summary>
    public static bool TryDateIn(DateTimeOffset instant, TimeZoneInfo zone, out DateOnly date)
    {
        date = default;
        var utc = instant.UtcDateTime;
        var local = utc.Ticks + zone.GetUtcOffset(utc).Ticks;
        if (local < DateTime.MinValue.Ticks || local > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        date = DateOnly.FromDateTime(new DateTime(local));
        return true;
    }

    private static bool IsRealDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static bool TryDigits(ReadOnlySpan<byte> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            if (!IsDigit(s[i]))
            {
                return false;
            }

            value = (value * 10) + (s[i] - '0');
        }

        return true;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}
