namespace Leaderboard.Domain.Counting;

/// <summary>
/// What one dossier adds to the counters of <see cref="Unit"/> and its ancestors. A day equal to
/// <see cref="DossierState.NoDay"/> means the dossier is not in that indicator; a null unit means it counts nowhere.
/// </summary>
internal readonly record struct Contribution(
    string? Unit,
    int ReceiptDay,
    bool ReceivedOnline,
    string? Procedure,
    int PaymentDay,
    bool PaidOnline,
    int FinishDay,
    bool OnTime)
{
    public void AddTo(UnitCounters counters, int sign)
    {
        if (Unit is null)
        {
            return;
        }

        if (ReceiptDay != DossierState.NoDay)
        {
            counters.AddDay(CounterKind.OnlineDossier, ReceiptDay, ReceivedOnline ? sign : 0, sign);
            if (ReceivedOnline && Procedure is not null)
            {
                counters.AddReceipts(Procedure, ReceiptDay, sign);
            }
        }

        if (PaymentDay != DossierState.NoDay)
        {
            counters.AddDay(CounterKind.OnlinePayment, PaymentDay, PaidOnline ? sign : 0, sign);
        }

        if (FinishDay != DossierState.NoDay)
        {
            counters.AddDay(CounterKind.OnTime, FinishDay, OnTime ? sign : 0, sign);
        }
    }
}
