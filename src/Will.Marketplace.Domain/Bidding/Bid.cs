using Will.Marketplace.Domain.Common;

namespace Will.Marketplace.Domain.Bidding;

/// <summary>How a bid prices the service: per hour of service, or per session (one weekly slot).</summary>
public enum PriceUnit
{
    PerHour,
    PerSession,
}

/// <summary>
/// A provider's sealed offer on a pool open for bids: a price, the outcome indicators it accepts
/// to be paid on, and an optional continuity pledge (the same carers throughout).
/// </summary>
public sealed record Bid(
    Guid Id,
    Guid PoolId,
    Guid ProviderId,
    Money Price,
    PriceUnit Unit,
    IReadOnlySet<string> OutcomeCommitments,
    bool ContinuityPledge,
    DateTimeOffset SubmittedAt)
{
    /// <summary>What the pool would cost a week at this price: the comparable figure across units.</summary>
    public Money WeeklyCost(int weeklyMinutes, int weeklySessions) => Unit == PriceUnit.PerHour
        ? Money.FromCents(checked(Price.Cents * weeklyMinutes / 60))
        : Money.FromCents(checked(Price.Cents * weeklySessions));
}
