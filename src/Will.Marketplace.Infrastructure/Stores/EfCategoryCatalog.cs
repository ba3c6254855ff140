using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Ports;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Infrastructure.Persistence.Entities;

namespace Will.Marketplace.Infrastructure.Stores;

/// <summary>Categories with the municipality's overrides, cached briefly: settings change rarely, placements often.</summary>
internal sealed class EfCategoryCatalog(IDbContextFactory<MarketplaceDbContext> contexts, TimeProvider time) : ICategoryCatalog
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<(string, string), (ServiceCategory Category, DateTimeOffset Expires)> _cache = new();

    public async Task<ServiceCategory?> FindAsync(string municipalityCode, string categoryCode, CancellationToken cancellationToken = default)
    {
        var key = (municipalityCode, categoryCode);
        if (_cache.TryGetValue(key, out var cached) && cached.Expires > time.GetUtcNow())
        {
            return cached.Category;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.Categories.AsNoTracking().SingleOrDefaultAsync(c => c.Code == categoryCode, cancellationToken);
        var setting = await db.CategorySettings.AsNoTracking()
            .SingleOrDefaultAsync(s => s.MunicipalityCode == municipalityCode && s.CategoryCode == categoryCode, cancellationToken);
        if (record is null)
        {
            // Unknown codes are not cached: anyone can send any number of them.
            return null;
        }

        var category = ToDomain(record, setting);
        _cache[key] = (category, time.GetUtcNow() + CacheFor);
        return category;
    }

    public static ServiceCategory ToDomain(CategoryRecord record, CategorySettingRecord? setting = null)
    {
        var quorum = Math.Min(setting?.Quorum ?? record.Quorum, record.Capacity);
        return new ServiceCategory(
            record.Code,
            PoolingModeNames.Parse(record.PoolingMode),
            record.RadiusMeters,
            record.Capacity,
            quorum,
            TimeSpan.FromHours(setting?.BiddingWindowHours ?? record.BiddingWindowHours))
        {
            MinSharedMinutesPerWeek = record.MinSharedMinutesPerWeek,
            TravelBufferMinutes = record.TravelBufferMinutes,
            MaxWeeklyMinutes = record.MaxWeeklyMinutes,
            MatchedAttributes = record.MatchedAttributes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(),
            ReferencePricePerHourCents = record.ReferencePricePerHourCents,
        };
    }
}
