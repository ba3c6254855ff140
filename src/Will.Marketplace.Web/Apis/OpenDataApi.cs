using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Will.Marketplace.Domain.Common;
using Will.Marketplace.Domain.Pools;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Infrastructure.Persistence.Entities;
using Will.Marketplace.Infrastructure.Stores;

namespace Will.Marketplace.Web.Apis;

/// <summary>
/// Open data, anonymous and per municipality: tenders, awards and contracts as an Open Contracting
/// Data Standard 1.1 release package (one ocid per pool that went to tender), and the service
/// directory (providers, services, coverage, prices) in the shape of Open Referral HSDS 3.0.
/// Nothing in either names or locates a family.
/// </summary>
public static class OpenDataApi
{
    /// <summary>The publisher's OCDS prefix; a deployment registers its own with the Open Contracting Partnership.</summary>
    public const string OcidPrefix = "ocds-will01";

    // OCDS omits what is unknown rather than writing null; HSDS names its fields in snake_case.
    private static readonly JsonSerializerOptions OcdsJson = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    private static readonly JsonSerializerOptions HsdsJson = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static RouteGroupBuilder MapOpenDataApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/open-data").WithTags("Open data").AllowAnonymous();
        api.MapGet("/ocds/{municipalityCode}", Ocds).WithName("OcdsReleasePackage");
        api.MapGet("/hsds/{municipalityCode}", Hsds).WithName("HsdsDirectory");
        return api;
    }

    public static async Task<Results<JsonHttpResult<OcdsPackage>, NotFound>> Ocds(string municipalityCode, HttpContext context, MarketplaceDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var city = await db.Municipalities.AsNoTracking().SingleOrDefaultAsync(m => m.Code == municipalityCode, cancellationToken);
        if (city is null)
        {
            return TypedResults.NotFound();
        }

        string[] tendered = [PoolStatus.OpenForBids.ToName(), PoolStatus.Awarded.ToName(), PoolStatus.Active.ToName(), PoolStatus.Closed.ToName()];
        var pools = await db.Pools.AsNoTracking().Where(p => p.MunicipalityCode == municipalityCode && tendered.Contains(p.Status)).OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken);
        var ids = pools.Select(p => p.Id).ToList();
        var awards = await db.Awards.AsNoTracking().Where(a => ids.Contains(a.PoolId)).ToDictionaryAsync(a => a.PoolId, cancellationToken);
        var orders = await db.Orders.AsNoTracking().Where(o => ids.Contains(o.PoolId)).ToDictionaryAsync(o => o.PoolId, cancellationToken);
        var bidCounts = await db.Bids.AsNoTracking().Where(b => ids.Contains(b.PoolId) && b.WithdrawnAt == null).GroupBy(b => b.PoolId)
            .Select(g => new { PoolId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.PoolId, g => g.Count, cancellationToken);
        var providers = await db.Providers.AsNoTracking().ToDictionaryAsync(p => p.Id, cancellationToken);
        var buyer = new OcdsOrganizationReference($"IT-ISTAT-{city.Code}", $"Comune di {city.Name}");
        var releases = pools.Select(pool => Release(pool, buyer, city, awards.GetValueOrDefault(pool.Id), orders.GetValueOrDefault(pool.Id), bidCounts.GetValueOrDefault(pool.Id), providers)).ToList();
        var self = $"{context.Request.Scheme}://{context.Request.Host}/api/v1/open-data/ocds/{city.Code}";
        return TypedResults.Json(new OcdsPackage(self, time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            new OcdsPublisher("Will.Marketplace", $"Comune di {city.Name}"), "https://creativecommons.org/licenses/by/4.0/", "1.1", releases), OcdsJson);
    }

    /// <summary>
    /// The public identifier of a pool's contracting process: stable and unique, but not the pool's
    /// internal id, which stays known only to those who may see the pool.
    /// </summary>
    public static string PublicId(Guid poolId) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(poolId.ToByteArray()))[..20];

    private static OcdsRelease Release(PoolRecord pool, OcdsOrganizationReference buyer, MunicipalityRecord city, AwardRecord? award, OrderRecord? order, int tenderers, Dictionary<Guid, ProviderRecord> providers)
    {
        var publicId = PublicId(pool.Id);
        var ocid = $"{OcidPrefix}-{publicId}";
        var supplier = award is not null && providers.TryGetValue(award.ProviderId, out var p) ? new OcdsOrganizationReference($"IT-CF-{p.VatNumber}", p.LegalName) : null;
        var parties = new List<OcdsParty> { new(buyer.Id, buyer.Name, ["buyer", "procuringEntity"], new OcdsAddress(city.Name, city.Region, "IT")) };
        if (supplier is not null)
        {
            parties.Add(new OcdsParty(supplier.Id, supplier.Name, ["supplier", "tenderer"], null));
        }

        var stage = order is not null ? "contract" : award is not null ? "award" : "tender";
        var date = (order?.CreatedAt ?? award?.AwardedAt ?? pool.QuorumReachedAt ?? pool.UpdatedAt).ToUniversalTime();
        var weeklyHours = Math.Round(Domain.Scheduling.WeeklySchedule.Parse(pool.Schedule).TotalMinutes / 60.0, 2);
        var tender = new OcdsTender(
            publicId,
            $"{pool.CategoryCode} — {pool.MemberCount} famiglie, {city.Name}",
            stage == "tender" ? "active" : "complete",
            "open",
            "services",
            "ratedCriteria",
            pool.BiddingClosesAt is { } closes ? new OcdsPeriod(null, Iso(closes)) : null,
            tenderers,
            [new OcdsItem("1", pool.CategoryCode, weeklyHours, new OcdsUnit("hours per week"))]);
        var awards = award is null ? null : new List<OcdsAward>
        {
            new($"{publicId}-award", order is null ? "pending" : "active", Iso(award.AwardedAt), new OcdsValue(award.WeeklyCostCents / 100m, "EUR"), supplier is null ? [] : [supplier]),
        };
        var contracts = order is null ? null : new List<OcdsContract>
        {
            new($"{publicId}-contract", $"{publicId}-award", "active", new OcdsPeriod(order.StartsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z", null), new OcdsValue(order.WeeklyCostCents / 100m, "EUR")),
        };
        return new OcdsRelease(ocid, $"{ocid}-{stage}-{date:yyyyMMddHHmmss}", Iso(date), [stage], "tender", "it", parties, buyer, tender, awards, contracts);
    }

    private static string Iso(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static async Task<Results<JsonHttpResult<HsdsDirectory>, NotFound>> Hsds(string municipalityCode, MarketplaceDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var city = await db.Municipalities.AsNoTracking().SingleOrDefaultAsync(m => m.Code == municipalityCode, cancellationToken);
        if (city is null)
        {
            return TypedResults.NotFound();
        }

        var today = ItalianCalendar.Today(time);
        var accreditations = await db.Accreditations.AsNoTracking()
            .Where(a => a.MunicipalityCode == municipalityCode && a.SuspendedAt == null && a.ValidUntil >= today).ToListAsync(cancellationToken);
        var providerIds = accreditations.Select(a => a.ProviderId).Distinct().ToList();
        var providers = await db.Providers.AsNoTracking().Where(p => providerIds.Contains(p.Id)).OrderBy(p => p.LegalName).ToListAsync(cancellationToken);
        var prices = (await (from o in db.Orders.AsNoTracking()
                             join pool in db.Pools on o.PoolId equals pool.Id
                             where pool.MunicipalityCode == municipalityCode
                             select new { o.ProviderId, pool.CategoryCode, o.PriceCents, o.Unit }).ToListAsync(cancellationToken))
            .ToLookup(x => (x.ProviderId, x.CategoryCode));
        var area = new HsdsServiceArea($"IT-ISTAT-{city.Code}", $"Comune di {city.Name}");
        var organizations = providers.Select(p => new HsdsOrganization(
            p.Id.ToString(),
            p.LegalName,
            p.ThirdSectorNumber is null ? "Organizzazione accreditata" : $"Ente del Terzo settore (RUNTS {p.ThirdSectorNumber})",
            p.VatNumber,
            "IT-CF",
            [.. accreditations.Where(a => a.ProviderId == p.Id).OrderBy(a => a.CategoryCode).Select(a => new HsdsService(
                $"{p.Id}-{a.CategoryCode}",
                a.CategoryCode,
                $"Livello di accreditamento {a.Level}, valido fino al {a.ValidUntil:yyyy-MM-dd}",
                "active",
                [area],
                [.. prices[(p.Id, a.CategoryCode)].Select(x => new HsdsCostOption(x.PriceCents / 100m, "EUR", x.Unit))]))])).ToList();
        return TypedResults.Json(new HsdsDirectory("3.0", city.Code, organizations), HsdsJson);
    }

    public sealed record OcdsPackage(string Uri, string PublishedDate, OcdsPublisher Publisher, string License, string Version, IReadOnlyList<OcdsRelease> Releases);

    public sealed record OcdsPublisher(string Name, string Uid);

    public sealed record OcdsRelease(string Ocid, string Id, string Date, IReadOnlyList<string> Tag, string InitiationType, string Language, IReadOnlyList<OcdsParty> Parties,
        OcdsOrganizationReference Buyer, OcdsTender Tender, IReadOnlyList<OcdsAward>? Awards, IReadOnlyList<OcdsContract>? Contracts);

    public sealed record OcdsOrganizationReference(string Id, string Name);

    public sealed record OcdsParty(string Id, string Name, IReadOnlyList<string> Roles, OcdsAddress? Address);

    public sealed record OcdsAddress(string Locality, string Region, string CountryName);

    public sealed record OcdsTender(string Id, string Title, string Status, string ProcurementMethod, string MainProcurementCategory, string AwardCriteria,
        OcdsPeriod? TenderPeriod, int NumberOfTenderers, IReadOnlyList<OcdsItem> Items);

    public sealed record OcdsPeriod(string? StartDate, string? EndDate);

    public sealed record OcdsItem(string Id, string Description, double Quantity, OcdsUnit Unit);

    public sealed record OcdsUnit(string Name);

    public sealed record OcdsValue(decimal Amount, string Currency);

    public sealed record OcdsAward(string Id, string Status, string Date, OcdsValue Value, IReadOnlyList<OcdsOrganizationReference> Suppliers);

    public sealed record OcdsContract(string Id, string AwardID, string Status, OcdsPeriod Period, OcdsValue Value);

    public sealed record HsdsDirectory(string HsdsVersion, string MunicipalityCode, IReadOnlyList<HsdsOrganization> Organizations);

    public sealed record HsdsOrganization(string Id, string Name, string Description, string TaxId, string TaxStatus, IReadOnlyList<HsdsService> Services);

    public sealed record HsdsService(string Id, string Name, string Description, string Status, IReadOnlyList<HsdsServiceArea> ServiceAreas, IReadOnlyList<HsdsCostOption> CostOptions);

    public sealed record HsdsServiceArea(string Id, string Name);

    public sealed record HsdsCostOption(decimal Amount, string Currency, string Option);
}
