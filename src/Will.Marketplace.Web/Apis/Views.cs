using Will.Marketplace.Abstractions.Pools;
using Will.Marketplace.Domain.Scheduling;
using Will.Marketplace.Infrastructure.Persistence.Entities;

namespace Will.Marketplace.Web.Apis;

public sealed record SlotView(string Day, string Start, string End)
{
    public static IReadOnlyList<SlotView> From(string storedSchedule) =>
        [.. WeeklySchedule.Parse(storedSchedule).Slots.Select(s => new SlotView(s.Day.ToString().ToLowerInvariant(), s.StartText, s.EndText))];
}

public sealed record LocationView(double Latitude, double Longitude);

public sealed record RequestView(
    Guid Id,
    string CategoryCode,
    string MunicipalityCode,
    string Status,
    Guid? PoolId,
    LocationView Location,
    IReadOnlyList<SlotView> Schedule,
    DateOnly StartDate,
    IReadOnlyDictionary<string, string> Attributes,
    long? MaxPricePerHourCents,
    DateTimeOffset CreatedAt)
{
    /// <summary>When the family confirmed its pool's award; null before (or without) an award.</summary>
    public DateTimeOffset? AwardConfirmedAt { get; init; }

    public static RequestView From(RequestRecord r) => new(
        r.Id, r.CategoryCode, r.MunicipalityCode, r.Status, r.PoolId, new LocationView(r.Latitude, r.Longitude),
        SlotView.From(r.Schedule), r.StartDate, ReadAttributes(r.Attributes), r.MaxPricePerHourCents, r.CreatedAt);

    public static IReadOnlyDictionary<string, string> ReadAttributes(string json) =>
        System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
}

/// <summary>The pool's demand as providers may see it before an award: a zone, hours, shared attributes.</summary>
/// <param name="StartsFrom">The latest start a member asked for: the order starts on a Monday no earlier (docs/decisions.md, "Start dates"); null for no members.</param>
public sealed record DemandView(LocationView Zone, int ZonePrecisionMeters, double WeeklyHours, IReadOnlyDictionary<string, string> Attributes, DateOnly? StartsFrom);

/// <summary>A pool as anyone allowed to see it sees it: counts and schedule, never who the members are.</summary>
public sealed record PoolView(
    Guid Id,
    string CategoryCode,
    string MunicipalityCode,
    string Status,
    int MemberCount,
    int Capacity,
    int Quorum,
    int PlacesLeft,
    IReadOnlyList<SlotView> Schedule,
    DateTimeOffset? BiddingClosesAt,
    DemandView? Demand = null,
    DateTimeOffset? CreatedAt = null,
    DateTimeOffset? QuorumReachedAt = null)
{
    public static PoolView From(PoolRecord p) => new(
        p.Id, p.CategoryCode, p.MunicipalityCode, p.Status, p.MemberCount, p.Capacity, p.Quorum,
        p.Capacity - p.MemberCount, SlotView.From(p.Schedule), p.BiddingClosesAt, null, p.CreatedAt, p.QuorumReachedAt);

    public static PoolView From(PoolSnapshot p) => new(
        p.Id, p.CategoryCode, p.MunicipalityCode, p.Status, p.MemberCount, p.Capacity, p.Quorum,
        p.Capacity - p.MemberCount, SlotView.From(p.ScheduleEnvelope), p.BiddingClosesAt);
}

public sealed record CreatedRequestView(RequestView Request, PoolView Pool, bool StartedNewPool);

public sealed record WithdrawnRequestView(RequestView Request, PoolView Pool);

public sealed record PricePointView(int Members, long MonthlyCents);

/// <summary>Monthly cost per family alone, now, and at every pool size; an estimate from reference prices, not a bid.</summary>
public sealed record PriceEstimateView(
    string PoolingMode,
    int WeeklyMinutes,
    int CurrentMembers,
    int Quorum,
    int Capacity,
    long AloneMonthlyCents,
    long CurrentMonthlyCents,
    IReadOnlyList<PricePointView> Curve);
