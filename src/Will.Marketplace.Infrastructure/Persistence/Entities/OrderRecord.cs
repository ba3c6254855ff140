namespace Will.Marketplace.Infrastructure.Persistence.Entities;

/// <summary>A collective order: the awarded pool as a running service, billed monthly.</summary>
public sealed class OrderRecord
{
    public Guid Id { get; set; }

    public Guid PoolId { get; set; }

    public Guid ProviderId { get; set; }

    public Guid BidId { get; set; }

    public long PriceCents { get; set; }

    /// <summary>"per-hour" or "per-session".</summary>
    public required string Unit { get; set; }

    public long WeeklyCostCents { get; set; }

    /// <summary>The service's weekly schedule in storage form.</summary>
    public required string Schedule { get; set; }

    public required string BillingPeriod { get; set; }

    public DateOnly StartsOn { get; set; }

    /// <summary>Comma-separated outcome indicators the provider is paid on.</summary>
    public string OutcomeIndicators { get; set; } = "";

    public bool ContinuityPledge { get; set; }

    public int HoldbackPercent { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<OrderMemberRecord> Members { get; set; } = [];
}

/// <summary>A family in an order, from the day it starts to the day it leaves (for prorated billing).</summary>
public sealed class OrderMemberRecord
{
    public Guid OrderId { get; set; }

    public Guid RequestId { get; set; }

    public Guid FamilyId { get; set; }

    public DateOnly JoinedOn { get; set; }

    public DateOnly? LeftOn { get; set; }
}

/// <summary>A family's rating (1–5) of one billing period of its order.</summary>
public sealed class OrderRatingRecord
{
    public Guid OrderId { get; set; }

    public Guid FamilyId { get; set; }

    /// <summary>The billing month, "yyyy-MM".</summary>
    public required string Period { get; set; }

    public int Score { get; set; }

    public string? Comment { get; set; }

    public DateTimeOffset RatedAt { get; set; }
}

/// <summary>Staff's verification of one billing period's outcomes, and what it decided for the holdback.</summary>
public sealed class OrderPeriodRecord
{
    public Guid OrderId { get; set; }

    public required string Period { get; set; }

    /// <summary>JSON: each indicator's verdict and reason.</summary>
    public required string Outcomes { get; set; }

    public int? AverageRatingTenths { get; set; }

    public int Ratings { get; set; }

    public bool HoldbackReleased { get; set; }

    public DateTimeOffset VerifiedAt { get; set; }

    public Guid VerifiedBy { get; set; }
}
