using System.Text.Json.Serialization;

namespace Leaderboard.Client;

/// <summary>
/// What the server answered for some events: the HTTP answer of <c>POST /api/v1/events</c>, or one acknowledgement of
/// a hub upload. After a retry, events the server had already stored come back as <see cref="Duplicates"/>, so
/// "stored" is <see cref="Accepted"/> + <see cref="Duplicates"/> (<see cref="Stored"/>), never accepted alone.
/// </summary>
public sealed record IngestionAnswer(int Accepted, int Duplicates, IReadOnlyList<RejectedEvent> Rejected)
{
    /// <summary>Nothing sent, nothing answered.</summary>
    public static IngestionAnswer Empty { get; } = new(0, 0, []);

    /// <summary>Events the server holds now: accepted this time, or already stored before (a duplicate).</summary>
    [JsonIgnore]
    public int Stored => Accepted + Duplicates;

    /// <summary>How many events this answer covers.</summary>
    [JsonIgnore]
    public int Count => Accepted + Duplicates + Rejected.Count;

    /// <summary>The sum of two answers (rejections in index order).</summary>
    public IngestionAnswer Plus(IngestionAnswer other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Accepted + other.Accepted, Duplicates + other.Duplicates, [.. Rejected.Concat(other.Rejected).OrderBy(r => r.Index)]);
    }
}
