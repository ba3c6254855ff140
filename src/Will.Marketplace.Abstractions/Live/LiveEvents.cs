namespace Will.Marketplace.Abstractions.Live;

/// <summary>
/// The contract pushed to browsers. The SignalR method name is <see cref="LiveMessage.Method"/>,
/// the argument is the event serialised as JSON in camelCase.
/// </summary>
[GenerateSerializer, Immutable, Alias("Will.LiveEvent")]
public abstract record LiveEvent;

/// <summary>SignalR "poolUpdated": a pool's status or membership changed.</summary>
[GenerateSerializer, Immutable, Alias("Will.PoolUpdated")]
public sealed record PoolUpdated(
    [property: Id(0)] Guid PoolId,
    [property: Id(1)] string CategoryCode,
    [property: Id(2)] string Status,
    [property: Id(3)] int MemberCount,
    [property: Id(4)] int Capacity,
    [property: Id(5)] int Quorum,
    [property: Id(6)] long Version) : LiveEvent;

/// <summary>SignalR "matchFound": the family's request was placed in a pool.</summary>
[GenerateSerializer, Immutable, Alias("Will.MatchFound")]
public sealed record MatchFound(
    [property: Id(0)] Guid RequestId,
    [property: Id(1)] Guid PoolId,
    [property: Id(2)] bool StartedNewPool,
    [property: Id(3)] int MemberCount,
    [property: Id(4)] int Quorum) : LiveEvent;

/// <summary>
/// SignalR "poolNotice": something happened to a pool that its members (and staff) are told in
/// words: <c>bidding-extended</c>, <c>no-bids</c>, <c>regrouped</c> (moved to a pool that can go
/// ahead), <c>refilled</c> (a waiting family took a freed place), <c>awarded</c>. <see cref="MovedFrom"/> names the
/// pool a family left for this one.
/// </summary>
[GenerateSerializer, Immutable, Alias("Will.PoolNotice")]
public sealed record PoolNotice(
    [property: Id(0)] Guid PoolId,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Status,
    [property: Id(3)] DateTimeOffset? BiddingClosesAt,
    [property: Id(4)] Guid? MovedFrom) : LiveEvent
{
    public const string BiddingExtended = "bidding-extended";
    public const string NoBids = "no-bids";
    public const string Regrouped = "regrouped";
    public const string Refilled = "refilled";
    public const string Awarded = "awarded";
    public const string OutcomesVerified = "outcomes-verified";

    /// <summary>The family's pool reached quorum: it opened for bids (the families moved into it hear <see cref="Regrouped"/> or <see cref="Refilled"/> instead).</summary>
    public const string Opened = "opened";

    /// <summary>A family of the pool moved to a pool that goes ahead; this one keeps looking for families.</summary>
    public const string PartnerMoved = "partner-moved";

    /// <summary>A family left a pool open for bids (or declined its award), which fell below quorum: it is forming again and bidding stopped.</summary>
    public const string BelowQuorum = "below-quorum";

    /// <summary>Every family confirmed the award: the collective order starts.</summary>
    public const string OrderStarted = "order-started";
}

/// <summary>SignalR "billIssued": a family's bill for a month was issued or revised; <see cref="ShortOfBudget"/> says the subsidy budget could not cover all of it.</summary>
[GenerateSerializer, Immutable, Alias("Will.BillIssued")]
public sealed record BillIssued(
    [property: Id(0)] Guid OrderId,
    [property: Id(1)] Guid PoolId,
    [property: Id(2)] string Period,
    [property: Id(3)] long FamilyPaysCents,
    [property: Id(4)] long SubsidyCents,
    [property: Id(5)] bool ShortOfBudget) : LiveEvent;

/// <summary>SignalR "budgetUpdated" to a municipality's staff: a billing run changed what its programmes have committed.</summary>
[GenerateSerializer, Immutable, Alias("Will.BudgetUpdated")]
public sealed record BudgetUpdated(
    [property: Id(0)] string Period,
    [property: Id(1)] long SubsidyCents) : LiveEvent;

/// <summary>One event for one audience: a target is "pool:{id}", "user:{id}" or "staff:{municipality}", a SignalR group name.</summary>
[GenerateSerializer, Immutable, Alias("Will.LiveMessage")]
public sealed record LiveMessage(
    [property: Id(0)] string Target,
    [property: Id(1)] string Method,
    [property: Id(2)] LiveEvent Payload)
{
    public const string PoolUpdatedMethod = "poolUpdated";
    public const string MatchFoundMethod = "matchFound";
    public const string PoolNoticeMethod = "poolNotice";
    public const string BillIssuedMethod = "billIssued";
    public const string BudgetUpdatedMethod = "budgetUpdated";

    public static string PoolTarget(Guid poolId) => $"pool:{poolId}";

    public static string UserTarget(Guid userId) => $"user:{userId}";

    /// <summary>Provider staff working in one municipality: the board of pools open for bids.</summary>
    public static string ProvidersTarget(string municipalityCode) => $"providers:{municipalityCode}";

    /// <summary>The municipal staff of one municipality (alerts such as a pool without bids).</summary>
    public static string StaffTarget(string municipalityCode) => $"staff:{municipalityCode}";
}
