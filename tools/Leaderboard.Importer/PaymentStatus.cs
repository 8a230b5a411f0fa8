namespace Leaderboard.Importer;

/// <summary>What an export's payment status says happened to the payment.</summary>
public enum PaymentStatus
{
    /// <summary>Paid: a <c>payment.completed</c>.</summary>
    Paid,

    /// <summary>Paid, then refunded or cancelled: a <c>payment.completed</c> and a <c>payment.refunded</c>.</summary>
    Refunded,

    /// <summary>Not paid (yet, or it failed): no event.</summary>
    Unpaid,
}
