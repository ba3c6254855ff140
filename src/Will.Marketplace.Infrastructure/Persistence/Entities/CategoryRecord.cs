namespace Will.Marketplace.Infrastructure.Persistence.Entities;

public sealed class CategoryRecord
{
    public required string Code { get; set; }

    /// <summary>"group" or "shared-worker".</summary>
    public required string PoolingMode { get; set; }

    public int RadiusMeters { get; set; }

    public int Capacity { get; set; }

    public int Quorum { get; set; }

    public int BiddingWindowHours { get; set; }

    public int MinSharedMinutesPerWeek { get; set; }

    public int TravelBufferMinutes { get; set; }

    public int MaxWeeklyMinutes { get; set; }

    /// <summary>Comma-separated attribute keys that must match within a pool.</summary>
    public string MatchedAttributes { get; set; } = "";

    public long ReferencePricePerHourCents { get; set; }
}

/// <summary>A municipality's own quorum or bidding window for a category.</summary>
public sealed class CategorySettingRecord
{
    public required string MunicipalityCode { get; set; }

    public required string CategoryCode { get; set; }

    public int? Quorum { get; set; }

    public int? BiddingWindowHours { get; set; }
}
