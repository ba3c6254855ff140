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

    public static string KeyFor(string municipalityCode, string categoryCode) => $"{municipalityCode}/{categoryCode}";
}
