namespace Will.Marketplace.Domain.Ledger;

/// <summary>The kinds of account the marketplace keeps. Debit balances are owed to the platform or held by it.</summary>
public enum AccountKind
{
    /// <summary>What a family owes for its shares (debit) or is owed back (credit).</summary>
    FamilyReceivable,

    /// <summary>The subsidies a municipality owes, settled through its own treasury.</summary>
    MunicipalityReceivable,

    /// <summary>What is owed to a provider (credit).</summary>
    ProviderPayable,

    /// <summary>The part of a provider's payouts held back until outcomes are verified (credit).</summary>
    Holdback,

    /// <summary>The platform's money: the Stripe balance, or the bank account when settled by hand.</summary>
    PlatformCash,

    /// <summary>Payment processing fees the platform bears.</summary>
    Fees,
}

/// <summary>An account: a kind and whose it is (a family, provider or order id, a municipality's ISTAT code; empty for the platform's own).</summary>
public readonly record struct LedgerAccount(AccountKind Kind, string Owner)
{
    public static LedgerAccount Family(Guid id) => new(AccountKind.FamilyReceivable, id.ToString());

    public static LedgerAccount Municipality(string istatCode) => new(AccountKind.MunicipalityReceivable, istatCode);

    public static LedgerAccount Provider(Guid id) => new(AccountKind.ProviderPayable, id.ToString());

    public static LedgerAccount HoldbackOf(Guid orderId) => new(AccountKind.Holdback, orderId.ToString());

    public static LedgerAccount Cash { get; } = new(AccountKind.PlatformCash, "");

    public static LedgerAccount ProcessingFees { get; } = new(AccountKind.Fees, "");
}
