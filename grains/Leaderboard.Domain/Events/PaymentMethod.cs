namespace Leaderboard.Domain.Events;

/// <summary>How a fee was paid; <see cref="Online"/> means through the national portal's payment platform.</summary>
public enum PaymentMethod : byte
{
    Online,
    Cash,
    Transfer,
}
