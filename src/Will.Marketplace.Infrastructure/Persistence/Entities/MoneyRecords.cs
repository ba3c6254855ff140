namespace Will.Marketplace.Infrastructure.Persistence.Entities;

/// <summary>A municipality's subsidy programme. Its committed and spent amounts are derived from its grants.</summary>
public sealed class SubsidyProgrammeRecord
{
    public Guid Id { get; set; }

    public required string MunicipalityCode { get; set; }

    public required string Name { get; set; }

    /// <summary>Comma-separated category codes.</summary>
    public required string Categories { get; set; }

    public DateOnly ValidFrom { get; set; }

    public DateOnly ValidTo { get; set; }

    public long BudgetCents { get; set; }

    /// <summary>JSON: the ISEE bands, each a ceiling, a coverage percentage and a monthly cap per family.</summary>
    public required string Bands { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public int Version { get; set; }
}

/// <summary>A family's declared ISEE. It gives a subsidy once staff have verified it against the INPS attestation, until it expires.</summary>
public sealed class IseeDeclarationRecord
{
    public Guid FamilyId { get; set; }

    public long IseeCents { get; set; }

    public DateOnly ExpiresOn { get; set; }

    /// <summary>The DSU protocol number of the INPS attestation, which staff look up to verify.</summary>
    public required string DsuProtocol { get; set; }

    public DateTimeOffset DeclaredAt { get; set; }

    public DateTimeOffset? VerifiedAt { get; set; }

    public Guid? VerifiedBy { get; set; }
}

/// <summary>What a programme granted a family for one period of an order: the municipality's obligation to the provider.</summary>
public sealed class SubsidyGrantRecord
{
    public Guid OrderId { get; set; }

    public required string Period { get; set; }

    public Guid FamilyId { get; set; }

    public Guid ProgrammeId { get; set; }

    public required string MunicipalityCode { get; set; }

    public Guid ProviderId { get; set; }

    public long IseeCents { get; set; }

    public long RequestedCents { get; set; }

    public long GrantedCents { get; set; }

    public bool ShortOfBudget { get; set; }

    public DateTimeOffset GrantedAt { get; set; }

    public DateTimeOffset? SettledAt { get; set; }

    /// <summary>The treasury's payment reference (pagoPA IUV or bank transfer CRO) given when marked settled.</summary>
    public string? SettlementReference { get; set; }
}

/// <summary>One version of a period's bill of an order; a member leaving or joining mid-period makes a new revision.</summary>
public sealed class BillRecord
{
    public Guid OrderId { get; set; }

    public required string Period { get; set; }

    public int Revision { get; set; }

    public long GrossCents { get; set; }

    public long HoldbackCents { get; set; }

    /// <summary>JSON: each family's share, subsidy and what it pays.</summary>
    public required string Shares { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// A payment to make: a family's charge, a transfer to the provider, a refund, a transfer reversal,
/// a holdback release. With Stripe it is executed under its idempotency key; without, staff settle it by hand.
/// </summary>
public sealed class PaymentInstructionRecord
{
    public Guid Id { get; set; }

    /// <summary>charge, transfer, refund, reversal, release.</summary>
    public required string Kind { get; set; }

    public Guid OrderId { get; set; }

    public required string Period { get; set; }

    public int Revision { get; set; }

    public Guid? FamilyId { get; set; }

    public Guid ProviderId { get; set; }

    public long AmountCents { get; set; }

    /// <summary>Derived from what it pays for: the kind, the order, the family, the period and the bill's revision.</summary>
    public required string IdempotencyKey { get; set; }

    /// <summary>pending, processing, succeeded, failed, refused (Stripe); manual, settled (by hand).</summary>
    public required string Status { get; set; }

    public string? StripeId { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public int Version { get; set; }
}

/// <summary>One line of a balanced ledger posting. Positive amounts are debits, negative credits.</summary>
public sealed class LedgerEntryRecord
{
    public long Id { get; set; }

    public Guid PostingId { get; set; }

    public required string Movement { get; set; }

    public Guid? OrderId { get; set; }

    public string? Period { get; set; }

    public required string AccountKind { get; set; }

    public required string AccountOwner { get; set; }

    public long AmountCents { get; set; }

    /// <summary>What caused it: a bill, a payment instruction, a Stripe event.</summary>
    public string? Reference { get; set; }

    public DateTimeOffset PostedAt { get; set; }
}

/// <summary>Something staff must look at by hand: a transfer reversal Stripe refused, a dispute, a failed payment.</summary>
public sealed class ReconciliationItemRecord
{
    public Guid Id { get; set; }

    public required string MunicipalityCode { get; set; }

    public Guid? OrderId { get; set; }

    public required string Kind { get; set; }

    public long AmountCents { get; set; }

    public required string Detail { get; set; }

    public string? Reference { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public Guid? ResolvedBy { get; set; }
}

/// <summary>A family's Stripe customer and the payment method it saved with a SetupIntent (never card data).</summary>
public sealed class FamilyPaymentProfileRecord
{
    public Guid FamilyId { get; set; }

    public required string StripeCustomerId { get; set; }

    public string? SetupIntentId { get; set; }

    public string? PaymentMethodId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
