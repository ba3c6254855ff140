namespace Will.Marketplace.Domain.Pools;

/// <summary>What a family's answer to an award did.</summary>
public enum AwardResponse
{
    Confirmed,
    Declined,

    /// <summary>Every member has now confirmed: the collective order starts.</summary>
    OrderStarts,

    /// <summary>A decline left the pool below quorum: the award lapsed and the pool is forming again.</summary>
    AwardLapsed,
    NotAwarded,
    NotAMember,
}
