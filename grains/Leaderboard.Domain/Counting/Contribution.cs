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
    /// <summary>
    /// Adds this contribution minus <paramref name="before"/> (of the same unit) to <paramref name="counters"/>:
    /// the indicators in which they agree cancel out and are left alone, so the result equals subtracting one and
    /// adding the other, at a fraction of the work when an event changed one indicator.
    /// </summary>
    public void AddChangeFrom<TSink>(Contribution before, TSink counters)
        where TSink : ICounterSink
    {
        if (ReceiptDay != before.ReceiptDay || ReceivedOnline != before.ReceivedOnline || !string.Equals(Procedure, before.Procedure, StringComparison.Ordinal))
        {
            before.AddReceipt(counters, -1);
            AddReceipt(counters, 1);
        }

        if (PaymentDay != before.PaymentDay || PaidOnline != before.PaidOnline)
        {
            before.AddPayment(counters, -1);
            AddPayment(counters, 1);
        }

        if (FinishDay != before.FinishDay || OnTime != before.OnTime)
        {
            before.AddFinish(counters, -1);
            AddFinish(counters, 1);
        }
    }

    public void AddTo<TSink>(TSink counters, int sign)
        where TSink : ICounterSink
    {
        if (Unit is null)
        {
            return;
        }

        AddReceipt(counters, sign);
        AddPayment(counters, sign);
        AddFinish(counters, sign);
    }

    private void AddReceipt<TSink>(TSink counters, int sign)
        where TSink : ICounterSink
    {
        if (ReceiptDay != DossierState.NoDay)
        {
            counters.AddDay(CounterKind.OnlineDossier, ReceiptDay, ReceivedOnline ? sign : 0, sign);
            if (ReceivedOnline && Procedure is not null)
            {
                counters.AddReceipts(Procedure, ReceiptDay, sign);
            }
        }
    }

    private void AddPayment<TSink>(TSink counters, int sign)
        where TSink : ICounterSink
    {
        if (PaymentDay != DossierState.NoDay)
        {
            counters.AddDay(CounterKind.OnlinePayment, PaymentDay, PaidOnline ? sign : 0, sign);
        }
    }

    private void AddFinish<TSink>(TSink counters, int sign)
        where TSink : ICounterSink
    {
        if (FinishDay != DossierState.NoDay)
        {
            counters.AddDay(CounterKind.OnTime, FinishDay, OnTime ? sign : 0, sign);
        }
    }
}
