namespace Will.Marketplace.Domain.Pools;

/// <summary>What happened when a pool's bidding deadline came.</summary>
public enum BiddingDeadlineOutcome
{
    /// <summary>No deadline has passed (none set, a later one, or the pool is no longer open for bids).</summary>
    NotDue,

    /// <summary>There is a valid bid: the pool is to be awarded.</summary>
    AwardDue,

    /// <summary>No valid bid: the window was extended once and staff are alerted.</summary>
    Extended,

    /// <summary>No valid bid after the extension: the pool is told and the window closed.</summary>
    NoBids,
}
