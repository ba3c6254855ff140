namespace Will.Marketplace.Domain.Ledger;

/// <summary>One side of a posting: a positive amount is a debit, a negative one a credit.</summary>
public sealed record LedgerLine(LedgerAccount Account, long AmountCents);

/// <summary>The kinds of movement; each is one balanced posting.</summary>
public enum Movement
{
    FamilyCharge,
    SubsidyObligation,
    Holdback,
    Payment,
    Transfer,
    Release,
    Credit,
    Refund,
    Reversal,
    Fee,
    SubsidySettled,
    SubsidyReduced,
}

/// <summary>
/// A balanced set of entries for one movement of money, about an order's period when it has one.
/// Balances are never stored: they are the sums of these lines.
/// </summary>
public sealed record Posting(Movement Movement, Guid? OrderId, string? Period, IReadOnlyList<LedgerLine> Lines)
{
    public bool IsBalanced => Lines.Sum(l => l.AmountCents) == 0;
}
