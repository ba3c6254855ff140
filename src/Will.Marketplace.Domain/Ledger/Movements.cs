namespace Will.Marketplace.Domain.Ledger;

/// <summary>
/// The double-entry rule of each movement. Every posting debits one account and credits another
/// by the same positive amount; a zero amount posts nothing.
/// </summary>
public static class Movements
{
    /// <summary>A family's share of a period, to be paid by card: the family owes it, the provider is owed it.</summary>
    public static Posting? FamilyCharge(Guid orderId, string period, Guid familyId, Guid providerId, long cents) =>
        Post(Movement.FamilyCharge, orderId, period, LedgerAccount.Family(familyId), LedgerAccount.Provider(providerId), cents);

    /// <summary>The municipality's subsidy of a family's share: the municipality owes it to the provider.</summary>
    public static Posting? SubsidyObligation(Guid orderId, string period, string municipality, Guid providerId, long cents) =>
        Post(Movement.SubsidyObligation, orderId, period, LedgerAccount.Municipality(municipality), LedgerAccount.Provider(providerId), cents);

    /// <summary>Part of the provider's payout held until the period's outcomes are verified.</summary>
    public static Posting? Holdback(Guid orderId, string period, Guid providerId, long cents) =>
        Post(Movement.Holdback, orderId, period, LedgerAccount.Provider(providerId), LedgerAccount.HoldbackOf(orderId), cents);

    /// <summary>A family's payment arrived.</summary>
    public static Posting? Payment(Guid orderId, string period, Guid familyId, long cents) =>
        Post(Movement.Payment, orderId, period, LedgerAccount.Cash, LedgerAccount.Family(familyId), cents);

    /// <summary>The provider was paid.</summary>
    public static Posting? Transfer(Guid orderId, string period, Guid providerId, long cents) =>
        Post(Movement.Transfer, orderId, period, LedgerAccount.Provider(providerId), LedgerAccount.Cash, cents);

    /// <summary>Outcomes verified: the held part is owed to the provider again (and then transferred).</summary>
    public static Posting? Release(Guid orderId, string period, Guid providerId, long cents) =>
        Post(Movement.Release, orderId, period, LedgerAccount.HoldbackOf(orderId), LedgerAccount.Provider(providerId), cents);

    /// <summary>A bill revised down: the family is owed back what it was charged beyond its share, the provider is owed that much less.</summary>
    public static Posting? Credit(Guid orderId, string period, Guid familyId, Guid providerId, long cents) =>
        Post(Movement.Credit, orderId, period, LedgerAccount.Provider(providerId), LedgerAccount.Family(familyId), cents);

    /// <summary>Money paid back to a family.</summary>
    public static Posting? Refund(Guid orderId, string period, Guid familyId, long cents) =>
        Post(Movement.Refund, orderId, period, LedgerAccount.Family(familyId), LedgerAccount.Cash, cents);

    /// <summary>Part of a transfer taken back from the provider.</summary>
    public static Posting? Reversal(Guid orderId, string period, Guid providerId, long cents) =>
        Post(Movement.Reversal, orderId, period, LedgerAccount.Cash, LedgerAccount.Provider(providerId), cents);

    /// <summary>A processing fee the platform bears.</summary>
    public static Posting? Fee(Guid? orderId, string? period, long cents) =>
        Post(Movement.Fee, orderId, period, LedgerAccount.ProcessingFees, LedgerAccount.Cash, cents);

    /// <summary>The municipality's treasury paid the provider a subsidy.</summary>
    public static Posting? SubsidySettled(Guid orderId, string period, string municipality, Guid providerId, long cents) =>
        Post(Movement.SubsidySettled, orderId, period, LedgerAccount.Provider(providerId), LedgerAccount.Municipality(municipality), cents);

    /// <summary>A revised bill needs less subsidy: the municipality owes the provider that much less.</summary>
    public static Posting? SubsidyReduced(Guid orderId, string period, string municipality, Guid providerId, long cents) =>
        Post(Movement.SubsidyReduced, orderId, period, LedgerAccount.Provider(providerId), LedgerAccount.Municipality(municipality), cents);

    /// <summary>The balance of each account over a set of postings (debits positive).</summary>
    public static IReadOnlyDictionary<LedgerAccount, long> Balances(IEnumerable<Posting> postings) =>
        postings.SelectMany(p => p.Lines).GroupBy(l => l.Account).ToDictionary(g => g.Key, g => g.Sum(l => l.AmountCents));

    private static Posting? Post(Movement movement, Guid? orderId, string? period, LedgerAccount debit, LedgerAccount credit, long cents)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cents);
        return cents == 0 ? null : new Posting(movement, orderId, period, [new LedgerLine(debit, cents), new LedgerLine(credit, -cents)]);
    }
}
