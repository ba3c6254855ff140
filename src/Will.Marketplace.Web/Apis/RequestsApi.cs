using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Will.Marketplace.Abstractions.Matching;
using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Common;
using Will.Marketplace.Domain.Geography;
using Will.Marketplace.Domain.Ports;
using Will.Marketplace.Domain.Pricing;
using Will.Marketplace.Domain.Scheduling;
using Will.Marketplace.Infrastructure.Auditing;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Web.Hosting;

namespace Will.Marketplace.Web.Apis;

public static class RequestsApi
{
    public static RouteGroupBuilder MapRequestsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/requests").WithTags("Requests").RequireAuthorization(Policies.Family);
        api.MapPost("/", Create).RequireRateLimiting(SecurityExtensions.WriteLimit).WithName("CreateRequest");
        api.MapGet("/", ListMine).WithName("ListMyRequests");
        api.MapGet("/{id:guid}", Get).WithName("GetRequest");
        api.MapGet("/{id:guid}/estimate", Estimate).WithName("EstimateRequestPrice");
        api.MapPost("/{id:guid}/withdraw", Withdraw).RequireRateLimiting(SecurityExtensions.WriteLimit).WithName("WithdrawRequest");
        return api;
    }

    /// <summary>Validates, places the request through its matchmaker, and answers once the placement is durable.</summary>
    public static async Task<Results<Created<CreatedRequestView>, ValidationProblem>> Create(
        CreateRequestBody body, HttpContext context, MarketplaceDbContext db, ICategoryCatalog catalog, IGrainFactory grains, TimeProvider time, CancellationToken cancellationToken)
    {
        var user = context.User;
        var municipalityCode = user.MunicipalityCode()!;
        var city = await db.Municipalities.AsNoTracking().SingleAsync(m => m.Code == municipalityCode, cancellationToken);
        var category = body.CategoryCode is { Length: > 0 and <= RequestValidation.MaxCategoryCodeLength } code
            ? await catalog.FindAsync(municipalityCode, code, cancellationToken)
            : null;

        var now = time.GetUtcNow();
        var today = ItalianCalendar.DayOf(now);
        var errors = new Dictionary<string, string[]>();
        var valid = RequestValidation.Validate(body, new GeoPoint(city.Latitude, city.Longitude), category, today, errors);
        if (valid is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var command = new PlaceRequestCommand(
            Guid.CreateVersion7(now), user.UserId(), municipalityCode, valid.CategoryCode,
            valid.Location.Latitude, valid.Location.Longitude, valid.Schedule.ToString(), valid.StartDate,
            valid.Attributes, valid.MaxPricePerHourCents, now);
        var outcome = await grains.GetGrain<IMatchmakerGrain>(IMatchmakerGrain.KeyFor(municipalityCode, valid.CategoryCode)).Place(command);
        await context.Audit(new AuditEvent("create", "request", command.RequestId.ToString(), command.FamilyId, municipalityCode));
        var request = new RequestView(
            command.RequestId, command.CategoryCode, municipalityCode, "pooled", outcome.Pool.Id,
            new LocationView(command.Latitude, command.Longitude), SlotView.From(command.Schedule), command.StartDate,
            command.Attributes, command.MaxPricePerHourCents, command.CreatedAt);
        return TypedResults.Created($"/api/v1/requests/{command.RequestId}", new CreatedRequestView(request, PoolView.From(outcome.Pool), outcome.StartedNewPool));
    }

    public static async Task<Ok<List<RequestView>>> ListMine(HttpContext context, MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var familyId = context.User.UserId();
        await context.Audit(new AuditEvent("read", "request", null, familyId, context.User.MunicipalityCode()));
        var records = await db.Requests.AsNoTracking().Where(r => r.FamilyId == familyId)
            .OrderByDescending(r => r.CreatedAt).Take(200).ToListAsync(cancellationToken);
        var confirmed = await db.PoolMemberships.AsNoTracking()
            .Where(m => m.Request.FamilyId == familyId && m.LeftAt == null && m.ConfirmedAt != null)
            .ToDictionaryAsync(m => m.RequestId, m => m.ConfirmedAt, cancellationToken);
        return TypedResults.Ok(records.Select(r => RequestView.From(r) with { AwardConfirmedAt = confirmed.GetValueOrDefault(r.Id) }).ToList());
    }

    /// <summary>What the family would pay a month at each pool size, against buying alone (category reference prices).</summary>
    public static async Task<Results<Ok<PriceEstimateView>, NotFound>> Estimate(
        Guid id, HttpContext context, MarketplaceDbContext db, ICategoryCatalog catalog, CancellationToken cancellationToken)
    {
        var familyId = context.User.UserId();
        var record = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.FamilyId == familyId, cancellationToken);
        if (record is null || await catalog.FindAsync(record.MunicipalityCode, record.CategoryCode, cancellationToken) is not { } category)
        {
            return TypedResults.NotFound();
        }

        var members = record is { Status: "pooled", PoolId: { } poolId }
            ? await db.Pools.AsNoTracking().Where(p => p.Id == poolId).Select(p => p.MemberCount).SingleAsync(cancellationToken)
            : 1;
        var weeklyMinutes = WeeklySchedule.Parse(record.Schedule).TotalMinutes;
        var curve = PriceEstimate.Curve(category, weeklyMinutes);
        return TypedResults.Ok(new PriceEstimateView(
            category.Mode.ToName(), weeklyMinutes, members, category.Quorum, category.Capacity,
            curve[0].Monthly.Cents, PriceEstimate.MonthlyFor(category, weeklyMinutes, Math.Max(1, members)).Cents,
            [.. curve.Select(p => new PricePointView(p.Members, p.Monthly.Cents))]));
    }

    /// <summary>The family takes its request back before the award; the pool is told live.</summary>
    public static async Task<Results<Ok<WithdrawnRequestView>, NotFound, ProblemHttpResult>> Withdraw(
        Guid id, HttpContext context, MarketplaceDbContext db, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var familyId = context.User.UserId();
        var record = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.FamilyId == familyId, cancellationToken);
        if (record is null)
        {
            return TypedResults.NotFound();
        }

        var result = record.PoolId is { } poolId && record.Status == "pooled"
            ? await grains.GetGrain<IMatchmakerGrain>(IMatchmakerGrain.KeyFor(record.MunicipalityCode, record.CategoryCode)).Withdraw(poolId, id, familyId)
            : null;
        if (result is not { Left: true })
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: Localization.Say(
                "Questa richiesta non si può più ritirare.", "This request can no longer be withdrawn."));
        }

        await context.Audit(new AuditEvent("withdraw", "request", id.ToString(), familyId, record.MunicipalityCode));
        var withdrawn = RequestView.From(record) with { Status = "withdrawn" };
        return TypedResults.Ok(new WithdrawnRequestView(withdrawn, PoolView.From(result.Pool!)));
    }

    /// <summary>Another family's request answers 404, as if it did not exist.</summary>
    public static async Task<Results<Ok<RequestView>, NotFound>> Get(Guid id, HttpContext context, MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var familyId = context.User.UserId();
        var record = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.FamilyId == familyId, cancellationToken);
        await context.Audit(new AuditEvent(record is null ? "denied" : "read", "request", id.ToString(), record?.FamilyId, context.User.MunicipalityCode()));
        return record is null ? TypedResults.NotFound() : TypedResults.Ok(RequestView.From(record));
    }
}
