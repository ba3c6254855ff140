using System.Collections.Immutable;

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

/// <summary>
/// One event for the audiences in <see cref="Targets"/>. A change goes out once, to everyone who hears
/// of it (the pool's watchers, its providers' board, each member family): it was a message per audience,
/// each naming its audience with a fresh string, which was most of what a placement allocated for its
/// live messages; the hub now sends it to all their groups at once (docs/decisions.md, "Live push").
/// </summary>
[GenerateSerializer, Immutable, Alias("Will.LiveMessage")]
public sealed record LiveMessage(
    [property: Id(0)] ImmutableArray<LiveTarget> Targets,
    [property: Id(1)] string Method,
    [property: Id(2)] LiveEvent Payload)
{
    public const string PoolUpdatedMethod = "poolUpdated";
    public const string MatchFoundMethod = "matchFound";
    public const string PoolNoticeMethod = "poolNotice";
    public const string BillIssuedMethod = "billIssued";
    public const string BudgetUpdatedMethod = "budgetUpdated";

    /// <summary>An event for one audience.</summary>
    public LiveMessage(LiveTarget target, string method, LiveEvent payload)
        : this([target], method, payload)
    {
    }
}

/// <summary>The kinds of audience a live message has, each a family of SignalR groups (<see cref="LiveTarget.GroupName"/>).</summary>
public enum LiveAudience
{
    /// <summary>Whoever watches one pool's page.</summary>
    Pool,

    /// <summary>One user's open pages (a family, a provider's staff member).</summary>
    User,

    /// <summary>Provider staff working in one municipality: the board of pools open for bids.</summary>
    Providers,

    /// <summary>The municipal staff of one municipality (alerts such as a pool without bids).</summary>
    Staff,
}

/// <summary>
/// One audience of a live message: a pool or a user by id, or a municipality's providers or staff by
/// its code. Kept as the id it names, not as text: the group's name is written only by the hub that
/// delivers (<see cref="GroupName"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("Will.LiveTarget")]
public readonly record struct LiveTarget(
    [property: Id(0)] LiveAudience Audience,
    [property: Id(1)] Guid Id,
    [property: Id(2)] string? MunicipalityCode)
{
    public static LiveTarget Pool(Guid poolId) => new(LiveAudience.Pool, poolId, null);

    public static LiveTarget User(Guid userId) => new(LiveAudience.User, userId, null);

    public static LiveTarget Providers(string municipalityCode) => new(LiveAudience.Providers, Guid.Empty, municipalityCode);

    public static LiveTarget Staff(string municipalityCode) => new(LiveAudience.Staff, Guid.Empty, municipalityCode);

    /// <summary>The SignalR group of this audience: "pool:{id}", "user:{id}", "providers:{municipality}" or "staff:{municipality}".</summary>
    public string GroupName => Audience switch
    {
        LiveAudience.Pool => $"pool:{Id}",
        LiveAudience.User => $"user:{Id}",
        LiveAudience.Providers => $"providers:{MunicipalityCode}",
        LiveAudience.Staff => $"staff:{MunicipalityCode}",
        _ => throw new InvalidOperationException($"Unknown audience {Audience}."),
    };

    public override string ToString() => GroupName;
}
