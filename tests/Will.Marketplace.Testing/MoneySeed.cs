using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Will.Marketplace.Domain.Common;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Infrastructure.Persistence.Entities;

namespace Will.Marketplace.Testing;

/// <summary>A collective order as the bidding story leaves it, written straight to the database so money tests start from there.</summary>
public sealed record SeededOrder(Guid OrderId, Guid PoolId, Guid ProviderId, IReadOnlyList<Guid> Families, IReadOnlyList<string> FamilyEmails);

/// <summary>Money tests start from a running collective order: written straight to the database.</summary>
public static class MoneySeed
{
    public const string Schedule = "mon 15:00-18:00;wed 15:00-18:00";

    public static DateOnly Today => ItalianCalendar.DayOf(DateTimeOffset.UtcNow);

    public static string CurrentPeriod => Today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public static DateOnly FirstOfMonth => new(Today.Year, Today.Month, 1);

    /// <summary>Orders for the given demo families (by number) of a city, all with the city's first demo provider.</summary>
    public static async Task<IReadOnlyList<SeededOrder>> OrdersAsync(MarketplaceAppFactory app, string municipality, string domain, string category,
        IReadOnlyList<int[]> familiesPerOrder, long weeklyCostCents = 30_000, int holdbackPercent = 10, DateOnly? startsOn = null, bool withPaymentMethods = false, bool providerOnboarded = false)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<MarketplaceDbContext>>().CreateDbContextAsync();
        var providerEmail = $"PROVIDER.1@{domain}".ToUpperInvariant();
        var providerUser = await db.Users.AsNoTracking().SingleAsync(u => u.NormalizedEmail == providerEmail);
        var providerId = providerUser.ProviderId!.Value;
        if (providerOnboarded)
        {
            var provider = await db.Providers.SingleAsync(p => p.Id == providerId);
            provider.StripeAccountId ??= $"acct_{providerId:N}"[..21];
            provider.StripePayoutsEnabled = true;
        }

        var now = DateTimeOffset.UtcNow;
        var orders = new List<SeededOrder>();
        foreach (var numbers in familiesPerOrder)
        {
            var emails = numbers.Select(n => $"family.{n}@{domain}").ToList();
            var upper = emails.Select(e => e.ToUpperInvariant()).ToList();
            var families = await db.Users.AsNoTracking().Where(u => upper.Contains(u.NormalizedEmail!)).ToDictionaryAsync(u => u.NormalizedEmail!, u => u.Id);
            var familyIds = upper.Select(e => families[e]).ToList();
            var pool = new PoolRecord
            {
                Id = Guid.CreateVersion7(), MunicipalityCode = municipality, CategoryCode = category, Status = "active", Capacity = 10, Quorum = 2,
                MemberCount = familyIds.Count, Schedule = Schedule, CreatedAt = now, UpdatedAt = now,
            };
            db.Pools.Add(pool);
            var order = new OrderRecord
            {
                Id = Guid.CreateVersion7(), PoolId = pool.Id, ProviderId = providerId, BidId = Guid.NewGuid(), PriceCents = weeklyCostCents / 6, Unit = "per-hour",
                WeeklyCostCents = weeklyCostCents, Schedule = Schedule, BillingPeriod = "monthly", StartsOn = startsOn ?? FirstOfMonth,
                OutcomeIndicators = holdbackPercent > 0 ? "satisfaction" : "", HoldbackPercent = holdbackPercent, CreatedAt = now,
            };
            foreach (var familyId in familyIds)
            {
                var request = new RequestRecord
                {
                    Id = Guid.CreateVersion7(), FamilyId = familyId, MunicipalityCode = municipality, CategoryCode = category, Schedule = Schedule,
                    StartDate = order.StartsOn, Status = "pooled", PoolId = pool.Id, CreatedAt = now, UpdatedAt = now,
                };
                db.Requests.Add(request);
                pool.Members.Add(new PoolMembershipRecord { PoolId = pool.Id, RequestId = request.Id, FamilyId = familyId, JoinedAt = now, ConfirmedAt = now });
                order.Members.Add(new OrderMemberRecord { OrderId = order.Id, RequestId = request.Id, FamilyId = familyId, JoinedOn = order.StartsOn });
                if (withPaymentMethods && !db.FamilyPaymentProfiles.Local.Any(p => p.FamilyId == familyId) && !await db.FamilyPaymentProfiles.AnyAsync(p => p.FamilyId == familyId))
                {
                    db.FamilyPaymentProfiles.Add(new FamilyPaymentProfileRecord { FamilyId = familyId, StripeCustomerId = $"cus_{familyId:N}"[..18], PaymentMethodId = "pm_card_visa", UpdatedAt = now });
                }
            }

            db.Orders.Add(order);
            orders.Add(new SeededOrder(order.Id, pool.Id, providerId, familyIds, emails));
        }

        await db.SaveChangesAsync();
        return orders;
    }

    /// <summary>A verified ISEE for each family, as staff leave it after checking the INPS attestation.</summary>
    public static async Task VerifiedIseeAsync(MarketplaceAppFactory app, IReadOnlyDictionary<Guid, long> iseeCents)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<MarketplaceDbContext>>().CreateDbContextAsync();
        foreach (var (family, cents) in iseeCents)
        {
            db.IseeDeclarations.Add(new IseeDeclarationRecord
            {
                FamilyId = family, IseeCents = cents, ExpiresOn = Today.AddYears(1), DsuProtocol = $"INPS-ISEE-2026-{cents:D8}-00",
                DeclaredAt = DateTimeOffset.UtcNow, VerifiedAt = DateTimeOffset.UtcNow, VerifiedBy = Guid.Empty,
            });
        }

        await db.SaveChangesAsync();
    }
}
