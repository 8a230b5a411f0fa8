using Leaderboard.Domain.Events;

namespace Leaderboard.Domain.Counting;

/// <summary>
/// The facts of one dossier that decide its counts, kept small: instants as UTC ticks, days as day numbers,
/// unit and procedure codes shared through the catalogue. Fields rather than properties on purpose: this is
/// a private record of <see cref="DossierLedger"/>, one per dossier, millions of them, held by value in one array
/// (see <see cref="DossierCodes"/> for why not as objects). Start one with <see cref="New"/>: the default has day 0,
/// not <see cref="NoDay"/>.
/// </summary>
internal struct DossierState
{
    public const int NoDay = -1;

    /// <summary>Unit of the receipt that holds; null before any receipt.</summary>
    public string? ReceiptUnit;
    public string? Procedure;
    public long ReceiptTicks;
    public int ReceiptDay;
    public int ReceiptDue;
    public Channel Channel;

    /// <summary>The finish that holds: its instant and local day; <see cref="NoDay"/> while unfinished.</summary>
    public long FinishTicks;
    public int FinishDay;

    /// <summary>The latest finish that carried a due date: its instant and that due date.</summary>
    public long FinishDueTicks;
    public int FinishDue;

    /// <summary>In order of each payment id's first completion (refund-only ids wait at the end).</summary>
    public PaymentState[]? Payments;

    public bool Voided;

    public readonly bool HasReceipt => ReceiptUnit is not null;

    public readonly int DueDay => ReceiptUnit is not null && ReceiptDue != NoDay ? ReceiptDue : FinishDue;

    /// <summary>The unit the dossier counts for: the holding receipt's, else its earliest payment's; null for neither.</summary>
    public readonly string? Owner
    {
        get
        {
            if (Voided)
            {
                return null;
            }

            if (ReceiptUnit is not null)
            {
                return ReceiptUnit;
            }

            string? unit = null;
            var earliest = long.MaxValue;
            if (Payments is { } payments)
            {
                foreach (ref readonly var p in payments.AsSpan())
                {
                    // Strictly earlier only: on a tie the first to arrive keeps it.
                    if (p.Completed && p.Ticks < earliest)
                    {
                        earliest = p.Ticks;
                        unit = p.Unit;
                    }
                }
            }

            return unit;
        }
    }

    /// <summary>A dossier with no facts yet.</summary>
    public static DossierState New() => new()
    {
        ReceiptDay = NoDay,
        ReceiptDue = NoDay,
        FinishDay = NoDay,
        FinishDue = NoDay,
    };

    public readonly Contribution Contribution()
    {
        var owner = Owner;
        if (owner is null)
        {
            return default;
        }

        var paymentDay = NoDay;
        var paymentTicks = long.MaxValue;
        var paidOnline = false;
        if (Payments is { } payments)
        {
            foreach (ref readonly var p in payments.AsSpan())
            {
                if (p.Counted)
                {
                    if (p.Ticks < paymentTicks)
                    {
                        paymentTicks = p.Ticks;
                        paymentDay = p.Day;
                    }

                    paidOnline |= p.Method == PaymentMethod.Online;
                }
            }
        }

        var due = DueDay;
        var finishDay = FinishDay != NoDay && due != NoDay ? FinishDay : NoDay;
        return new Contribution(
            owner,
            ReceiptUnit is null ? NoDay : ReceiptDay,
            Channel == Channel.Online,
            ReceiptUnit is null ? null : Procedure,
            paymentDay,
            paidOnline,
            finishDay,
            finishDay != NoDay && FinishDay <= due);
    }

    public readonly int FindPayment(string id)
    {
        if (Payments is { } payments)
        {
            for (var i = 0; i < payments.Length; i++)
            {
                if (string.Equals(payments[i].Id, id, StringComparison.Ordinal))
                {
                    return i;
                }
            }
        }

        return -1;
    }

    public int AppendPayment(PaymentState payment)
    {
        var old = Payments ?? [];
        var grown = new PaymentState[old.Length + 1];
        old.CopyTo(grown, 0);
        grown[old.Length] = payment;
        Payments = grown;
        return old.Length;
    }

    /// <summary>Moves a payment to the end of the arrival order (used when a refund-only id gets its first completion).</summary>
    public readonly void MoveToEnd(int index)
    {
        var payments = Payments!;
        var moved = payments[index];
        Array.Copy(payments, index + 1, payments, index, payments.Length - index - 1);
        payments[^1] = moved;
    }

    /// <summary>Drops every fact: a voided dossier counts nowhere, for good, and needs no memory but its mark.</summary>
    public void Void()
    {
        Voided = true;
        ReceiptUnit = null;
        Procedure = null;
        ReceiptTicks = 0;
        ReceiptDay = NoDay;
        ReceiptDue = NoDay;
        Channel = default;
        FinishTicks = 0;
        FinishDay = NoDay;
        FinishDueTicks = 0;
        FinishDue = NoDay;
        Payments = null;
    }
}
