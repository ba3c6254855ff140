using Orleans.Concurrency;
using Will.Marketplace.Abstractions.Matching;

namespace Will.Marketplace.Abstractions.Pools;

/// <summary>The live owner of one pool: applies changes, persists them, then tells everyone affected.</summary>
[Alias("Will.IDemandPoolGrain")]
public interface IDemandPoolGrain : IGrainWithGuidKey
{
    /// <summary>Opens this pool with its first member.</summary>
    [Alias("Start")]
    Task<JoinOutcome> Start(PlaceRequestCommand first);

    [Alias("Join")]
    Task<JoinOutcome> Join(PlaceRequestCommand request);

    /// <summary>The family withdraws its request; only before the award.</summary>
    [Alias("Leave")]
    Task<LeaveResult> Leave(Guid requestId, Guid familyId);

    /// <summary>
    /// The matchmaker's deadline reminder found this pool's bidding deadline passed: the award is
    /// made, or the window extended once, or the pool told no provider bid. Nothing when not due.
    /// </summary>
    [Alias("CloseBiddingIfDue")]
    Task CloseBiddingIfDue();

    /// <summary>
    /// The matchmaker saved this pool itself (a placement, a regrouping, a refill) as
    /// <paramref name="version"/>: a copy older than that is read again. Only a grain that keeps a
    /// copy and asked to be told (<see cref="IMatchmakerGrain.Watch"/>) is called.
    /// </summary>
    [Alias("Changed")]
    Task Changed(long version);

    /// <summary>The matchmaker that tells this grain of changes is going away: the copy is dropped, and read again when next needed.</summary>
    [Alias("Forget")]
    [OneWay]
    Task Forget();

    /// <summary>A sealed bid, or the revision of the provider's bid; refused when late, duplicate, over capacity or not accredited.</summary>
    [Alias("SubmitBid")]
    Task<BidOutcome> SubmitBid(BidCommand command, bool revision);

    /// <summary>The provider takes its bid back; only before the deadline.</summary>
    [Alias("WithdrawBid")]
    Task<BidOutcome> WithdrawBid(Guid providerId);

    /// <summary>A member family confirms the award, or declines it and leaves the pool.</summary>
    [Alias("RespondToAward")]
    Task<AwardAnswer> RespondToAward(Guid requestId, Guid familyId, bool confirm);

    /// <summary>Null when no pool with this id exists.</summary>
    [Alias("GetSnapshot")]
    Task<PoolSnapshot?> GetSnapshot();
}
