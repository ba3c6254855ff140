namespace Will.Marketplace.Infrastructure.Persistence.Entities;

/// <summary>An organisation that provides services: a social cooperative, a third-sector body, a professional.</summary>
public sealed class ProviderRecord
{
    public Guid Id { get; set; }

    public required string LegalName { get; set; }

    /// <summary>Partita IVA, eleven digits, check digit verified.</summary>
    public required string VatNumber { get; set; }

    /// <summary>Codice fiscale: the organisation's (numeric) or its legal representative's.</summary>
    public required string FiscalCode { get; set; }

    /// <summary>RUNTS (Registro unico nazionale del Terzo settore) number, where it has one.</summary>
    public string? ThirdSectorNumber { get; set; }

    /// <summary>Comma-separated category codes it offers.</summary>
    public string Categories { get; set; } = "";

    /// <summary>Comma-separated ISTAT codes of the municipalities it covers.</summary>
    public string Coverage { get; set; } = "";

    /// <summary>How many families it can serve at once; bids on larger pools are refused.</summary>
    public int CapacityFamilies { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The provider's Stripe connected account, once onboarding has started.</summary>
    public string? StripeAccountId { get; set; }

    /// <summary>Kept by <c>account.updated</c>: Stripe has what it needs and the account may receive transfers.</summary>
    public bool StripeDetailsSubmitted { get; set; }

    public bool StripePayoutsEnabled { get; set; }
}

/// <summary>A municipality's accreditation of a provider for one category.</summary>
public sealed class AccreditationRecord
{
    public Guid ProviderId { get; set; }

    public required string MunicipalityCode { get; set; }

    public required string CategoryCode { get; set; }

    public int Level { get; set; }

    public DateOnly ValidUntil { get; set; }

    public DateTimeOffset GrantedAt { get; set; }

    public Guid GrantedBy { get; set; }

    public DateTimeOffset? SuspendedAt { get; set; }

    public string? SuspensionReason { get; set; }
}

/// <summary>A sealed bid: one per provider and pool, revised or withdrawn until the deadline.</summary>
public sealed class BidRecord
{
    public Guid Id { get; set; }

    public Guid PoolId { get; set; }

    public Guid ProviderId { get; set; }

    public long PriceCents { get; set; }

    /// <summary>"per-hour" or "per-session".</summary>
    public required string Unit { get; set; }

    /// <summary>Comma-separated outcome indicators accepted.</summary>
    public string Commitments { get; set; } = "";

    public bool ContinuityPledge { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }
}

/// <summary>A municipality's award weights for one category (percent, adding up to 100).</summary>
public sealed class AwardWeightsRecord
{
    public required string MunicipalityCode { get; set; }

    public required string CategoryCode { get; set; }

    public int Price { get; set; }

    public int Quality { get; set; }

    public int Outcomes { get; set; }
}

/// <summary>The award of a pool, with every bid's score as computed at the deadline, kept for audit.</summary>
public sealed class AwardRecord
{
    public Guid PoolId { get; set; }

    public Guid BidId { get; set; }

    public Guid ProviderId { get; set; }

    public long WeeklyCostCents { get; set; }

    public DateTimeOffset AwardedAt { get; set; }

    /// <summary>JSON: the weights and each bid's price, quality, outcome and total scores and rank.</summary>
    public required string Breakdown { get; set; }
}
