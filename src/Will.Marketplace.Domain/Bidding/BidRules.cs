using Will.Marketplace.Domain.Common;
using Will.Marketplace.Domain.Pools;
using Will.Marketplace.Domain.Providers;

namespace Will.Marketplace.Domain.Bidding;

/// <summary>Why a bid was refused; each has its own message for the provider.</summary>
public enum BidRefusal
{
    None,
    PoolNotOpen,
    Late,
    NotAccredited,
    Duplicate,
    NoSuchBid,
    OverCapacity,
    PriceNotPositive,
    UnknownIndicator,
}

/// <summary>The pool as bidding sees it.</summary>
public sealed record BiddingWindow(PoolStatus Status, DateTimeOffset? ClosesAt, int MemberCount, string MunicipalityCode, string CategoryCode);

/// <summary>
/// Who may bid, and when: only on a pool open for bids and before its deadline (a bid at the
/// deadline's instant is late), only with an active accreditation for the pool's municipality and
/// category, one bid per provider and pool (revised or withdrawn, never doubled), and only for a
/// pool no larger than the families the provider declared it can serve.
/// </summary>
public static class BidRules
{
    public static BidRefusal CheckWindow(BiddingWindow pool, DateTimeOffset now) =>
        pool.Status != PoolStatus.OpenForBids || pool.ClosesAt is null ? BidRefusal.PoolNotOpen
        : now >= pool.ClosesAt ? BidRefusal.Late
        : BidRefusal.None;

    public static BidRefusal CheckSubmission(BiddingWindow pool, Bid bid, Accreditation? accreditation, int providerCapacity, bool alreadyBid, DateTimeOffset now)
    {
        var window = CheckWindow(pool, now);
        if (window != BidRefusal.None)
        {
            return window;
        }

        if (accreditation is null || accreditation.ProviderId != bid.ProviderId || accreditation.MunicipalityCode != pool.MunicipalityCode ||
            accreditation.CategoryCode != pool.CategoryCode || !accreditation.IsActiveOn(ItalianCalendar.DayOf(now)))
        {
            return BidRefusal.NotAccredited;
        }

        return alreadyBid ? BidRefusal.Duplicate
            : pool.MemberCount > providerCapacity ? BidRefusal.OverCapacity
            : bid.Price.Cents <= 0 ? BidRefusal.PriceNotPositive
            : !bid.OutcomeCommitments.All(OutcomeIndicators.All.Contains) ? BidRefusal.UnknownIndicator
            : BidRefusal.None;
    }
}
