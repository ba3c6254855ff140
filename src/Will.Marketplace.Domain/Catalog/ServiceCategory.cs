namespace Will.Marketplace.Domain.Catalog;

/// <summary>A kind of service and the settings that decide how its requests pool.</summary>
public sealed record ServiceCategory(
    string Code,
    PoolingMode Mode,
    int RadiusMeters,
    int Capacity,
    int Quorum,
    TimeSpan BiddingWindow)
{
    /// <summary>Group mode: minutes per week that every member must share.</summary>
    public int MinSharedMinutesPerWeek { get; init; } = 120;

    /// <summary>Shared-worker mode: gap kept free between two households' slots on the same day.</summary>
    public int TravelBufferMinutes { get; init; } = 30;

    /// <summary>Shared-worker mode: the most one worker's week can hold.</summary>
    public int MaxWeeklyMinutes { get; init; } = 38 * 60;

    /// <summary>Attribute keys whose values must be equal within a pool (e.g. ageBand, language).</summary>
    public IReadOnlySet<string> MatchedAttributes { get; init; } = new HashSet<string>();

    /// <summary>Reference price per hour for the whole service, used for estimates.</summary>
    public long ReferencePricePerHourCents { get; init; }
}
