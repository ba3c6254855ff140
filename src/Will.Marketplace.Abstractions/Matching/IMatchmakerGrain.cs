using Orleans.Concurrency;
using Will.Marketplace.Abstractions.Pools;

namespace Will.Marketplace.Abstractions.Matching;

/// <summary>One per municipality × category (key "016024/after-school"): places requests in pools.</summary>
[Alias("Will.IMatchmakerGrain")]
public interface IMatchmakerGrain : IGrainWithStringKey
{
    [Alias("Place")]
    Task<PlacementOutcome> Place(PlaceRequestCommand command);

    /// <summary>Withdraws a placed request; the pool may take someone else afterwards.</summary>
    [Alias("Withdraw")]
    Task<LeaveResult> Withdraw(Guid poolId, Guid requestId, Guid familyId);

    /// <summary>A family declines its pool's award: the pool may be forming (and joinable) again afterwards.</summary>
    [Alias("DeclineAward")]
    Task<AwardAnswer> DeclineAward(Guid poolId, Guid requestId, Guid familyId);

    /// <summary>
    /// Re-groups the requests waiting in pools below quorum when an exact solve pools more families;
    /// pools open for bids are left alone. Runs by itself in the background as well.
    /// </summary>
    [Alias("Reoptimise")]
    Task<RegroupingReport> Reoptimise();

    /// <summary>
    /// A pool grain has read its pool at <paramref name="version"/> and keeps it: from now on the
    /// matchmaker tells it (<see cref="IDemandPoolGrain.Changed"/>) of every change it saves to that
    /// pool itself. One-way, so a pool grain never waits on its matchmaker.
    /// </summary>
    [Alias("Watch")]
    [OneWay]
    Task Watch(Guid poolId, Guid activation, long version);

    /// <summary>That pool grain's activation is going away (only the activation that asked is forgotten).</summary>
    [Alias("Unwatch")]
    [OneWay]
    Task Unwatch(Guid poolId, Guid activation);

    /// <summary>
    /// A pool of this matchmaker is about to be saved with a bidding deadline: the matchmaker's one
    /// deadline reminder is made to tick by then (stored before the pool, so it survives any restart).
    /// Interleaves, so a pool grain may ask while the matchmaker waits on that grain.
    /// </summary>
    [Alias("HoldDeadline")]
    [AlwaysInterleave]
    Task HoldDeadline(Guid poolId, DateTimeOffset closesAt);

    public static string KeyFor(string municipalityCode, string categoryCode) => $"{municipalityCode}/{categoryCode}";
}
