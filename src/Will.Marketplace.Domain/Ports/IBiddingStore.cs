using Will.Marketplace.Domain.Bidding;
using Will.Marketplace.Domain.Providers;

namespace Will.Marketplace.Domain.Ports;

/// <summary>What bidding needs to know about a provider in one municipality and category.</summary>
public sealed record BidderProfile(Accreditation? Accreditation, int CapacityFamilies, int? AverageRatingTenths);

/// <summary>Durable home of bids, providers' standing and the municipalities' award weights.</summary>
public interface IBiddingStore
{
    Task<BidderProfile> FindBidderAsync(Guid providerId, string municipalityCode, string categoryCode, CancellationToken cancellationToken = default);

    /// <summary>The bids not withdrawn, one per provider.</summary>
    Task<IReadOnlyList<Bid>> ListBidsAsync(Guid poolId, CancellationToken cancellationToken = default);

    /// <summary>Inserts the provider's bid on the pool, or replaces it (revision, or a bid again after a withdrawal).</summary>
    /// <returns>The stored bid's id: a provider's bid on a pool keeps one id through revisions.</returns>
    Task<Guid> SaveBidAsync(Bid bid, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The winning bid of the pool's current award and its weekly cost; null when not awarded.</summary>
    Task<(Bid Bid, long WeeklyCostCents)?> FindAwardedBidAsync(Guid poolId, CancellationToken cancellationToken = default);

    /// <summary>False when the provider has no bid on the pool to withdraw.</summary>
    Task<bool> WithdrawBidAsync(Guid poolId, Guid providerId, DateTimeOffset now, CancellationToken cancellationToken = default);

    Task<AwardWeights> WeightsAsync(string municipalityCode, string categoryCode, CancellationToken cancellationToken = default);
}
