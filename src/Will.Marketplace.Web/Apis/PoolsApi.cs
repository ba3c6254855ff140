using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Will.Marketplace.Abstractions.Matching;
using Will.Marketplace.Domain.Geography;
using Will.Marketplace.Domain.Pools;
using Will.Marketplace.Domain.Ports;
using Will.Marketplace.Domain.Scheduling;
using Will.Marketplace.Infrastructure.Auditing;
using Will.Marketplace.Infrastructure.Identity;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Infrastructure.Persistence.Entities;
using Will.Marketplace.Web.Hosting;
using static Will.Marketplace.Web.Hosting.Localization;

namespace Will.Marketplace.Web.Apis;

public static class PoolsApi
{
    public static RouteGroupBuilder MapPoolsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/pools").WithTags("Pools").RequireAuthorization(Policies.SignedIn);
        api.MapGet("/", List).WithName("ListPools");
        api.MapGet("/{id:guid}", Get).WithName("GetPool");
        api.MapPost("/reoptimise", Reoptimise).WithName("ReoptimisePools").RequireAuthorization(Policies.Staff);
        return api;
    }

    public sealed record ReoptimiseBody(string? CategoryCode);

    /// <summary>
    /// Staff ask for a regrouping now instead of waiting for the background run: the families
    /// waiting below quorum in one category of their municipality.
    /// </summary>
    public static async Task<Results<Ok<RegroupingReport>, ValidationProblem>> Reoptimise(
        ReoptimiseBody body, HttpContext context, ICategoryCatalog catalog, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var municipalityCode = context.User.MunicipalityCode()!;
        var category = body.CategoryCode is { Length: > 0 and <= RequestValidation.MaxCategoryCodeLength } code
            ? await catalog.FindAsync(municipalityCode, code, cancellationToken)
            : null;
        if (category is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["categoryCode"] = [Say("Categoria di servizio sconosciuta.", "Unknown service category.")],
            });
        }

        var report = await grains.GetGrain<IMatchmakerGrain>(IMatchmakerGrain.KeyFor(municipalityCode, category.Code)).Reoptimise();
        await context.Audit(new AuditEvent("reoptimise", "pools", category.Code, MunicipalityCode: municipalityCode));
        return TypedResults.Ok(report);
    }

    public static async Task<Results<Ok<List<PoolView>>, ValidationProblem>> List(
        string? category, string? status, string? municipality, ClaimsPrincipal user, MarketplaceDbContext db, ICategoryCatalog catalog, CancellationToken cancellationToken)
    {
        PoolStatus wanted = default;
        if (status is not null && !PoolStatusNames.TryParse(status, out wanted))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["status"] = [Say("Lo stato è forming, open-for-bids, awarded, active, closed o cancelled.", "The status must be forming, open-for-bids, awarded, active, closed or cancelled.")],
            });
        }

        var pools = Visible(db, user);
        if (category is not null)
        {
            pools = pools.Where(p => p.CategoryCode == category);
        }

        if (municipality is not null)
        {
            // Within what the caller may see: staff and families see their own city only, whatever they ask.
            pools = pools.Where(p => p.MunicipalityCode == municipality);
        }

        if (status is not null)
        {
            var name = wanted.ToName();
            pools = pools.Where(p => p.Status == name);
        }

        var records = await pools.OrderByDescending(p => p.UpdatedAt).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok(await WithDemand(records, db, catalog, cancellationToken));
    }

    /// <summary>A pool the caller may not see answers 404, so that guessing ids reveals nothing.</summary>
    public static async Task<Results<Ok<PoolView>, NotFound>> Get(Guid id, ClaimsPrincipal user, MarketplaceDbContext db, ICategoryCatalog catalog, CancellationToken cancellationToken)
    {
        var record = await Visible(db, user).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return record is null ? TypedResults.NotFound() : TypedResults.Ok((await WithDemand([record], db, catalog, cancellationToken))[0]);
    }

    /// <summary>Adds each pool's anonymised demand, read from its current members' requests in one query.</summary>
    private static async Task<List<PoolView>> WithDemand(List<PoolRecord> records, MarketplaceDbContext db, ICategoryCatalog catalog, CancellationToken cancellationToken)
    {
        var ids = records.Select(r => r.Id).ToList();
        var members = (await db.PoolMemberships.AsNoTracking()
                .Where(m => ids.Contains(m.PoolId) && m.LeftAt == null)
                .Select(m => new { m.PoolId, m.Request.Latitude, m.Request.Longitude, m.Request.Attributes, m.Request.StartDate })
                .ToListAsync(cancellationToken))
            .ToLookup(m => m.PoolId);
        var centres = await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Code, m => new GeoPoint(m.Latitude, m.Longitude), cancellationToken);
        var views = new List<PoolView>(records.Count);
        foreach (var record in records)
        {
            var matched = (await catalog.FindAsync(record.MunicipalityCode, record.CategoryCode, cancellationToken))?.MatchedAttributes ?? new HashSet<string>();
            var pooled = members[record.Id].ToList();
            var demand = AnonymisedDemand.Of([.. pooled.Select(m => (new GeoPoint(m.Latitude, m.Longitude), RequestView.ReadAttributes(m.Attributes)))], matched, centres[record.MunicipalityCode]);
            views.Add(PoolView.From(record) with
            {
                Demand = new DemandView(
                    new LocationView(demand.Zone.Latitude, demand.Zone.Longitude),
                    demand.ZonePrecisionMeters,
                    WeeklySchedule.Parse(record.Schedule).TotalMinutes / 60.0,
                    demand.Attributes,
                    pooled.Count == 0 ? null : pooled.Max(m => m.StartDate)),
            });
        }

        return views;
    }

    /// <summary>The pools the caller may see: staff and providers their municipality's, families their own, admins all.</summary>
    public static IQueryable<PoolRecord> Visible(MarketplaceDbContext db, ClaimsPrincipal user)
    {
        var pools = db.Pools.AsNoTracking();
        if (user.IsInRole(Roles.Admin))
        {
            return pools;
        }

        var municipality = user.MunicipalityCode();
        if (user.IsInRole(Roles.Staff) || user.IsInRole(Roles.Provider))
        {
            return pools.Where(p => p.MunicipalityCode == municipality);
        }

        if (user.IsInRole(Roles.Family))
        {
            // Through the family's requests: memberships have no index by family.
            var familyId = user.UserId();
            var mine = db.PoolMemberships.Where(m => m.Request.FamilyId == familyId && m.LeftAt == null).Select(m => m.PoolId);
            return pools.Where(p => p.MunicipalityCode == municipality && mine.Contains(p.Id));
        }

        return pools.Where(_ => false);
    }
}
