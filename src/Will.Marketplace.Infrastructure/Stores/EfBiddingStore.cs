using Microsoft.EntityFrameworkCore;
using Will.Marketplace.Domain.Bidding;
using Will.Marketplace.Domain.Common;
using Will.Marketplace.Domain.Ports;
using Will.Marketplace.Domain.Providers;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Infrastructure.Persistence.Entities;

namespace Will.Marketplace.Infrastructure.Stores;

internal sealed class EfBiddingStore(IDbContextFactory<MarketplaceDbContext> contexts) : IBiddingStore
{
    public async Task<BidderProfile> FindBidderAsync(Guid providerId, string municipalityCode, string categoryCode, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var capacity = await db.Providers.Where(p => p.Id == providerId).Select(p => (int?)p.CapacityFamilies).SingleOrDefaultAsync(cancellationToken);
        var record = await db.Accreditations.AsNoTracking()
            .SingleOrDefaultAsync(a => a.ProviderId == providerId && a.MunicipalityCode == municipalityCode && a.CategoryCode == categoryCode, cancellationToken);
        var accreditation = record is null ? null : new Accreditation(record.ProviderId, record.MunicipalityCode, record.CategoryCode, record.Level, record.ValidUntil, record.SuspendedAt);

        // Ratings arrive with outcome-based orders; until then every provider counts as unrated.
        return new BidderProfile(accreditation, capacity ?? 0, AverageRatingTenths: null);
    }

    public async Task<IReadOnlyList<Bid>> ListBidsAsync(Guid poolId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var records = await db.Bids.AsNoTracking().Where(b => b.PoolId == poolId && b.WithdrawnAt == null).ToListAsync(cancellationToken);
        return [.. records.Select(BidRecords.ToDomain)];
    }

    public async Task<Guid> SaveBidAsync(Bid bid, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.Bids.SingleOrDefaultAsync(b => b.PoolId == bid.PoolId && b.ProviderId == bid.ProviderId, cancellationToken);
        if (record is null)
        {
            record = new BidRecord { Id = bid.Id, PoolId = bid.PoolId, ProviderId = bid.ProviderId, Unit = "" };
            db.Bids.Add(record);
        }

        record.PriceCents = bid.Price.Cents;
        record.Unit = bid.Unit == PriceUnit.PerHour ? "per-hour" : "per-session";
        record.Commitments = string.Join(',', bid.OutcomeCommitments.Order(StringComparer.Ordinal));
        record.ContinuityPledge = bid.ContinuityPledge;
        record.SubmittedAt = bid.SubmittedAt;
        record.UpdatedAt = now;
        record.WithdrawnAt = null;
        await db.SaveChangesAsync(cancellationToken);
        return record.Id;
    }

    public async Task<(Bid Bid, long WeeklyCostCents)?> FindAwardedBidAsync(Guid poolId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var award = await db.Awards.AsNoTracking().SingleOrDefaultAsync(a => a.PoolId == poolId, cancellationToken);
        var bid = award is null ? null : await db.Bids.AsNoTracking().SingleOrDefaultAsync(b => b.Id == award.BidId, cancellationToken);
        return bid is null ? null : (BidRecords.ToDomain(bid), award!.WeeklyCostCents);
    }

    public async Task<bool> WithdrawBidAsync(Guid poolId, Guid providerId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.Bids.SingleOrDefaultAsync(b => b.PoolId == poolId && b.ProviderId == providerId && b.WithdrawnAt == null, cancellationToken);
        if (record is null)
        {
            return false;
        }

        (record.WithdrawnAt, record.UpdatedAt) = (now, now);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<AwardWeights> WeightsAsync(string municipalityCode, string categoryCode, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.AwardWeights.AsNoTracking().SingleOrDefaultAsync(w => w.MunicipalityCode == municipalityCode && w.CategoryCode == categoryCode, cancellationToken);
        return record is null ? AwardWeights.Default : new AwardWeights(record.Price, record.Quality, record.Outcomes);
    }

}

/// <summary>A stored bid as the domain sees it.</summary>
public static class BidRecords
{
    public static Bid ToDomain(BidRecord b) => new(
        b.Id,
        b.PoolId,
        b.ProviderId,
        Money.FromCents(b.PriceCents),
        b.Unit == "per-session" ? PriceUnit.PerSession : PriceUnit.PerHour,
        b.Commitments.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal),
        b.ContinuityPledge,
        b.SubmittedAt);
}
