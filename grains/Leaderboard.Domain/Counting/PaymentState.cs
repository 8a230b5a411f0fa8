using Leaderboard.Domain.Events;

namespace Leaderboard.Domain.Counting;

/// <summary>
/// What is known of one payment id of a dossier: its holding completion (latest occurredAt, last to arrive on a
/// tie), if any, and whether it was ever refunded. A refund may come first; it is permanent for that id.
/// </summary>
internal struct PaymentState
{
    public string Id;
    public string? Unit;
    public long Ticks;
    public int Day;
    public PaymentMethod Method;
    public bool Completed;
    public bool Refunded;

    public readonly bool Counted => Completed && !Refunded;
}
