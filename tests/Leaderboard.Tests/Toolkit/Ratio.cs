namespace Leaderboard.Tests.Toolkit;

/// <summary>An indicator's numerator and denominator.</summary>
public sealed record Ratio(int Numerator, int Denominator)
{
    public static Ratio Zero { get; } = new(0, 0);

    public Ratio Plus(Ratio other) => new(Numerator + other.Numerator, Denominator + other.Denominator);
}
