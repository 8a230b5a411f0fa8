namespace Leaderboard.Grains.Organisation;

/// <summary>
/// Which day "today" is for the numbers (the movement since the end of the previous day, a unit's trend up to today,
/// the projection from it): the date in the catalogue's time zone, or, while the demo feed plays a past campaign in
/// accelerated time, the day it has reached, so that the demo shows a campaign as it runs rather than one long over.
/// </summary>
public sealed class NumbersDay(TimeProvider time)
{
    /// <summary>The played day's <see cref="DateOnly.DayNumber"/>, or -1: none (the real date).</summary>
    private int _played = -1;

    /// <summary>Today in <paramref name="zone"/>, or the day being played.</summary>
    public DateOnly Today(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var played = Volatile.Read(ref _played);
        return played >= 0 ? DateOnly.FromDayNumber(played) : DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
    }

    /// <summary>The day being played instead of the real date, if any.</summary>
    public DateOnly? PlayedDay => Volatile.Read(ref _played) is var played and >= 0 ? DateOnly.FromDayNumber(played) : null;

    /// <summary>From now on, today is <paramref name="day"/> (the demo feed, as it moves through a campaign).</summary>
    public void Play(DateOnly day) => Volatile.Write(ref _played, day.DayNumber);
}
