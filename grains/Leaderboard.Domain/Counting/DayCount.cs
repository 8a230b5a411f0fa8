namespace Leaderboard.Domain.Counting;

/// <summary>One day's signed (numerator, denominator) pair of a <see cref="DaySeries"/>; mutable so that it is updated in place.</summary>
internal struct DayCount(int day, int numerator, int denominator)
{
    public int Day = day;
    public int Numerator = numerator;
    public int Denominator = denominator;
}
