using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Common;
using Will.Marketplace.Domain.Pools;

namespace Will.Marketplace.Domain.Bidding;

/// <summary>
/// The confirmed award as a running service: provider, price, members, schedule, monthly billing,
/// and the outcome terms the payments issue bills by (a holdback of each payout when the provider
/// accepted to be paid on outcomes).
/// </summary>
public sealed record CollectiveOrder(
    Guid Id,
    Guid PoolId,
    Guid ProviderId,
    Guid BidId,
    Money Price,
    PriceUnit Unit,
    Money WeeklyCost,
    IReadOnlyList<PoolMember> Members,
    string Schedule,
    DateOnly StartsOn,
    IReadOnlySet<string> OutcomeIndicators,
    bool ContinuityPledge,
    int HoldbackPercent)
{
    public const string BillingPeriod = "monthly";

    /// <summary>Share of each payout held back until staff verify the outcomes, when there are outcome terms.</summary>
    public const int DefaultHoldbackPercent = 10;

    /// <summary>
    /// When an order of these members starts: the first Monday at least a week after
    /// <paramref name="today"/>, so families and provider can prepare, and not before the latest start
    /// a member asked for.
    /// </summary>
    public static DateOnly FirstDay(IReadOnlyList<PoolMember> members, DateOnly today)
    {
        var day = today.AddDays(7);
        foreach (var member in members)
        {
            day = member.WantedStart is { } wanted && wanted > day ? wanted : day;
        }

        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    public static CollectiveOrder From(DemandPool pool, ServiceCategory category, Bid winner, Money weeklyCost, DateOnly startsOn) => new(
        Guid.CreateVersion7(),
        pool.Id,
        winner.ProviderId,
        winner.Id,
        winner.Price,
        winner.Unit,
        weeklyCost,
        [.. pool.Members],
        pool.ScheduleEnvelope(category.Mode).ToString(),
        startsOn,
        winner.OutcomeCommitments,
        winner.ContinuityPledge,
        winner.OutcomeCommitments.Count > 0 ? DefaultHoldbackPercent : 0);
}
