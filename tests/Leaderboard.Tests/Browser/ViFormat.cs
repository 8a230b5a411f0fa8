using System.Globalization;

namespace Leaderboard.Tests.Browser;

/// <summary>What the pages must print, computed independently of their JavaScript: vi-VN, percentages truncated.</summary>
public static class ViFormat
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>N/D as "47,0 %": tenths of a percent, truncated (never rounded up), a no-break space before the sign.</summary>
    public static string Percent(long numerator, long denominator)
    {
        var tenths = numerator * 1000 / denominator;
        return Tenths(tenths);
    }

    /// <summary>A fraction (a projection) as "48,0 %", truncated; noise far below the shown precision is ignored.</summary>
    public static string Percent(double fraction) =>
        Tenths((long)decimal.Truncate(decimal.Round((decimal)fraction * 1000m, 6)));

    /// <summary>A target: 0.45 → "45 %", 0.4501 → "45,01 %".</summary>
    public static string Target(decimal target) =>
        (decimal.Truncate(target * 10000m) / 100m).ToString("0.##", Vi) + "\u00a0%";

    public static string Number(long n) => n.ToString("#,0", Vi);

    private static string Tenths(long tenths) =>
        (tenths / 10m).ToString("0.0", Vi) + "\u00a0%";
}
