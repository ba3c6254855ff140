using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Will.Marketplace.Abstractions.Matching;
using Will.Marketplace.Abstractions.Pools;
using Will.Marketplace.Domain.Pools;
using Will.Marketplace.Infrastructure.Auditing;
using Will.Marketplace.Infrastructure.Identity;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Infrastructure.Persistence.Entities;
using Will.Marketplace.Web.Hosting;
using static Will.Marketplace.Web.Hosting.Localization;

namespace Will.Marketplace.Web.Apis;

/// <summary>Families answer their pool's award; the confirmed award is a collective order.</summary>
public static class OrdersApi
{
    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var family = app.MapGroup("/api/v1/requests/{id:guid}/award").WithTags("Orders").RequireAuthorization(Policies.Family);
        family.MapPost("/confirm", Confirm).WithName("ConfirmAward");
        family.MapPost("/decline", Decline).WithName("DeclineAward");
        app.MapGet("/api/v1/pools/{poolId:guid}/order", Get).WithTags("Orders").WithName("GetOrder").RequireAuthorization(Policies.SignedIn);
        app.MapGet("/api/v1/orders/mine", Mine).WithTags("Orders").WithName("ListMyServices").RequireAuthorization(Policies.Provider);
        return app;
    }

    /// <summary>A pool awarded to the provider: waiting for the families' answers (no order yet), or its running order.</summary>
    public sealed record ProviderServiceView(Guid PoolId, string CategoryCode, string Status, int MemberCount, long WeeklyCostCents, DateTimeOffset AwardedAt,
        DateOnly? StartsOn, long? PriceCents, string? Unit);

    /// <summary>
    /// The provider's awarded pools, newest first (the latest 200): those still waiting for the families to
    /// confirm and the orders it runs. A lapsed award leaves no row, so its pool is not listed.
    /// </summary>
    public static async Task<Ok<List<ProviderServiceView>>> Mine(ClaimsPrincipal user, MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var providerId = user.ProviderId();
        var services = await (
            from award in db.Awards.AsNoTracking()
            where award.ProviderId == providerId
            join pool in db.Pools.AsNoTracking() on award.PoolId equals pool.Id
            join order in db.Orders.AsNoTracking() on award.PoolId equals order.PoolId into orders
            from order in orders.DefaultIfEmpty()
            orderby award.AwardedAt descending
            select new { pool.Id, pool.CategoryCode, pool.Status, pool.MemberCount, award.WeeklyCostCents, award.AwardedAt, Order = order })
            .Take(200)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(services
            .Select(s => new ProviderServiceView(s.Id, s.CategoryCode, s.Status, s.MemberCount, s.Order?.WeeklyCostCents ?? s.WeeklyCostCents, s.AwardedAt,
                s.Order?.StartsOn, s.Order?.PriceCents, s.Order?.Unit))
            .ToList());
    }

    public sealed record AnswerView(string Outcome, PoolView? Pool);

    public static Task<Results<Ok<AnswerView>, NotFound, ProblemHttpResult>> Confirm(Guid id, HttpContext context, MarketplaceDbContext db, IGrainFactory grains, CancellationToken cancellationToken) =>
        Answer(id, confirm: true, context, db, grains, cancellationToken);

    public static Task<Results<Ok<AnswerView>, NotFound, ProblemHttpResult>> Decline(Guid id, HttpContext context, MarketplaceDbContext db, IGrainFactory grains, CancellationToken cancellationToken) =>
        Answer(id, confirm: false, context, db, grains, cancellationToken);

    private static async Task<Results<Ok<AnswerView>, NotFound, ProblemHttpResult>> Answer(
        Guid id, bool confirm, HttpContext context, MarketplaceDbContext db, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var familyId = context.User.UserId();
        var request = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.FamilyId == familyId, cancellationToken);
        if (request?.PoolId is not { } poolId || request.Status != "pooled")
        {
            return TypedResults.NotFound();
        }

        var answer = confirm
            ? await grains.GetGrain<IDemandPoolGrain>(poolId).RespondToAward(id, familyId, confirm: true)
            : await grains.GetGrain<IMatchmakerGrain>(IMatchmakerGrain.KeyFor(request.MunicipalityCode, request.CategoryCode)).DeclineAward(poolId, id, familyId);
        if (answer.Outcome is nameof(AwardResponse.NotAwarded) or nameof(AwardResponse.NotAMember))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: Say(
                "Il gruppo non ha un'aggiudicazione da confermare o rifiutare.", "The pool has no award to confirm or decline."),
                extensions: new Dictionary<string, object?> { ["reason"] = answer.Outcome });
        }

        await context.Audit(new AuditEvent(confirm ? "confirm" : "decline", "award", poolId.ToString(), familyId, request.MunicipalityCode));
        return TypedResults.Ok(new AnswerView(answer.Outcome, answer.Pool is null ? null : PoolView.From(answer.Pool)));
    }

    /// <summary>An order is seen by those who may see its pool and by the provider running it.</summary>
    public static async Task<bool> MaySee(OrderRecord? order, ClaimsPrincipal user, MarketplaceDbContext db, CancellationToken cancellationToken) =>
        order is not null && (order.ProviderId == user.ProviderId() || await PoolsApi.Visible(db, user).AnyAsync(p => p.Id == order.PoolId, cancellationToken));

    public sealed record OrderMemberView(Guid FamilyId, DateOnly JoinedOn);

    public sealed record OrderView(Guid Id, Guid PoolId, string ProviderName, long PriceCents, string Unit, long WeeklyCostCents, IReadOnlyList<SlotView> Schedule,
        string BillingPeriod, DateOnly StartsOn, IReadOnlyList<string> OutcomeIndicators, bool ContinuityPledge, int HoldbackPercent, int MemberCount, IReadOnlyList<OrderMemberView>? Members);

    /// <summary>
    /// The collective order of a pool, for whoever may see the pool and for the provider running it.
    /// Member ids are shown to the municipality's staff only.
    /// </summary>
    public static async Task<Results<Ok<OrderView>, NotFound>> Get(Guid poolId, HttpContext context, MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var user = context.User;
        var order = await db.Orders.AsNoTracking().Include(o => o.Members).SingleOrDefaultAsync(o => o.PoolId == poolId, cancellationToken);
        if (!await MaySee(order, user, db, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var provider = await db.Providers.AsNoTracking().Where(p => p.Id == order!.ProviderId).Select(p => p.LegalName).SingleAsync(cancellationToken);
        var staff = user.IsInRole(Roles.Staff) || user.IsInRole(Roles.Admin);
        var members = order!.Members.Where(m => m.LeftOn is null).ToList();
        return TypedResults.Ok(new OrderView(order.Id, order.PoolId, provider, order.PriceCents, order.Unit, order.WeeklyCostCents, SlotView.From(order.Schedule),
            order.BillingPeriod, order.StartsOn, order.OutcomeIndicators.Split(',', StringSplitOptions.RemoveEmptyEntries), order.ContinuityPledge, order.HoldbackPercent,
            members.Count, staff ? [.. members.Select(m => new OrderMemberView(m.FamilyId, m.JoinedOn))] : null));
    }
}
