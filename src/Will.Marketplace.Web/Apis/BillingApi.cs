using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Will.Marketplace.Abstractions.Billing;
using Will.Marketplace.Domain.Billing;
using Will.Marketplace.Domain.Common;
using Will.Marketplace.Infrastructure.Auditing;
using Will.Marketplace.Infrastructure.Billing;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Web.Hosting;
using static Will.Marketplace.Web.Hosting.Localization;

namespace Will.Marketplace.Web.Apis;

/// <summary>Monthly bills: staff run them, families read theirs, a family leaving an order is billed again.</summary>
public static class BillingApi
{
    public static IEndpointRouteBuilder MapBillingApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/billing/runs", Run).WithTags("Billing").WithName("RunBilling").RequireAuthorization(Policies.Staff);
        app.MapGet("/api/v1/bills/mine", Mine).WithTags("Billing").WithName("ListMyBills").RequireAuthorization(Policies.Family);
        app.MapPost("/api/v1/pools/{poolId:guid}/order/leave", Leave).WithTags("Billing").WithName("LeaveOrder").RequireAuthorization(Policies.Family);
        return app;
    }

    public sealed record RunBody(string? Period);

    public sealed record LeaveBody(DateOnly? LastDay);

    public sealed record PaymentLine(string Kind, long AmountCents, string Status, string? Problem);

    public sealed record BillView(Guid OrderId, Guid PoolId, string CategoryCode, string ProviderName, string Period, int Revision, long GrossCents,
        long ShareCents, long SubsidyCents, long FamilyPaysCents, bool ShortOfBudget, string PaymentStatus, IReadOnlyList<PaymentLine> Payments);

    /// <summary>
    /// Bills a month now (the hourly schedule bills the current month by itself): the current
    /// month, an earlier one, or, in the last week of a month, the next one in advance.
    /// </summary>
    public static async Task<Results<Ok<BillingRun>, ValidationProblem>> Run(RunBody body, HttpContext context, IGrainFactory grains, TimeProvider time)
    {
        var today = ItalianCalendar.Today(time);
        var current = BillingMonth.Of(today);
        var latest = today >= current.LastDay.AddDays(-6) ? current.Next : current;
        if (!BillingMonth.TryParse(body.Period, out var month) || month.FirstDay > latest.FirstDay || month.Year < 2020)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["period"] = [Say("Il periodo è un mese nella forma AAAA-MM, non oltre il mese corrente (o il prossimo, nell'ultima settimana del mese).",
                    "The period is a month written yyyy-MM, not after the current one (or the next one, in a month's last week).")],
            });
        }

        var municipality = context.User.MunicipalityCode()!;
        var run = await grains.GetGrain<IBillingGrain>(municipality).Bill(month.ToString());
        await context.Audit(new AuditEvent("run", "billing", month.ToString(), MunicipalityCode: municipality));
        return TypedResults.Ok(run);
    }

    /// <summary>The family's bills, the latest version of each month, with the subsidy applied and how the payment stands.</summary>
    public static async Task<Ok<List<BillView>>> Mine(HttpContext context, MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var familyId = context.User.UserId();
        var orders = await db.OrderMembers(familyId)
            .Join(db.Pools.AsNoTracking(), o => o.PoolId, p => p.Id, (o, p) => new { o.Id, o.PoolId, o.ProviderId, p.CategoryCode })
            .Join(db.Providers.AsNoTracking(), o => o.ProviderId, p => p.Id, (o, p) => new { o.Id, o.PoolId, o.CategoryCode, p.LegalName })
            .ToListAsync(cancellationToken);
        var ids = orders.Select(o => o.Id).ToList();
        var bills = (await db.Bills.AsNoTracking().Where(b => ids.Contains(b.OrderId)).ToListAsync(cancellationToken))
            .GroupBy(b => (b.OrderId, b.Period)).Select(g => g.MaxBy(b => b.Revision)!).ToList();
        var payments = await db.PaymentInstructions.AsNoTracking().Where(p => ids.Contains(p.OrderId) && p.FamilyId == familyId).ToListAsync(cancellationToken);
        var grants = await db.SubsidyGrants.AsNoTracking().Where(g => ids.Contains(g.OrderId) && g.FamilyId == familyId).ToListAsync(cancellationToken);
        var views = new List<BillView>();
        foreach (var bill in bills.OrderByDescending(b => b.Period))
        {
            if (ProgrammeJson.Shares(bill.Shares).FirstOrDefault(s => s.FamilyId == familyId) is not { } share)
            {
                continue;
            }

            var order = orders.Single(o => o.Id == bill.OrderId);
            var mine = payments.Where(p => p.OrderId == bill.OrderId && p.Period == bill.Period).OrderBy(p => p.CreatedAt).ToList();
            views.Add(new BillView(bill.OrderId, order.PoolId, order.CategoryCode, order.LegalName, bill.Period, bill.Revision, bill.GrossCents,
                share.ShareCents, share.SubsidyCents, share.FamilyPaysCents,
                grants.Any(g => g.OrderId == bill.OrderId && g.Period == bill.Period && g.ShortOfBudget),
                PaymentStatus(mine.Where(p => p.Kind == PaymentKinds.Charge).Select(p => p.Status).ToList()),
                [.. mine.Select(p => new PaymentLine(p.Kind, p.AmountCents, p.Status, p.Status == PaymentStatuses.Failed ? p.LastError : null))]));
        }

        return TypedResults.Ok(views);
    }

    /// <summary>
    /// A member leaves its order after a last day (today or later). Every month already billed
    /// that runs past it is billed again: the family is refunded what it prepaid, the others'
    /// shares are split again, and the provider's transfer is reversed for what it no longer earns.
    /// </summary>
    public static async Task<Results<Ok<BillingRun[]>, ValidationProblem, NotFound, ProblemHttpResult>> Leave(
        Guid poolId, LeaveBody body, HttpContext context, MarketplaceDbContext db, IGrainFactory grains, TimeProvider time, CancellationToken cancellationToken)
    {
        var familyId = context.User.UserId();
        var order = await db.Orders.Include(o => o.Members).SingleOrDefaultAsync(o => o.PoolId == poolId, cancellationToken);
        var membership = order?.Members.FirstOrDefault(m => m.FamilyId == familyId);
        if (order is null || membership is null)
        {
            return TypedResults.NotFound();
        }

        var today = ItalianCalendar.Today(time);
        if (body.LastDay is not { } lastDay || lastDay < today || lastDay < membership.JoinedOn.AddDays(-1))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["lastDay"] = [Say("L'ultimo giorno è obbligatorio e non già passato.", "The last day is required and not already past.")],
            });
        }

        if (membership.LeftOn is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: Say("Hai già lasciato questo servizio.", "You have already left this service."));
        }

        membership.LeftOn = lastDay;
        await db.SaveChangesAsync(cancellationToken);
        var municipality = await db.Pools.AsNoTracking().Where(p => p.Id == poolId).Select(p => p.MunicipalityCode).SingleAsync(cancellationToken);
        await context.Audit(new AuditEvent("leave", "order", order.Id.ToString(), familyId, municipality));

        var from = BillingMonth.Of(lastDay).ToString();
        var billed = await db.Bills.AsNoTracking().Where(b => b.OrderId == order.Id && string.Compare(b.Period, from) >= 0).Select(b => b.Period).Distinct().ToListAsync(cancellationToken);
        var billing = grains.GetGrain<IBillingGrain>(municipality);
        var runs = new List<BillingRun>();
        foreach (var period in billed.Order(StringComparer.Ordinal))
        {
            runs.Add(await billing.Revise(order.Id, period));
        }

        return TypedResults.Ok(runs.ToArray());
    }

    private static string PaymentStatus(IReadOnlyList<string> charges) => charges switch
    {
        [] => "nothing-to-pay",
        _ when charges.Any(s => s == PaymentStatuses.Failed) => "failed",
        _ when charges.All(s => s is PaymentStatuses.Succeeded or PaymentStatuses.Settled) => "paid",
        _ when charges.Any(s => s == PaymentStatuses.Manual) => "to-pay-by-transfer",
        _ => "in-progress",
    };

    private static IQueryable<Infrastructure.Persistence.Entities.OrderRecord> OrderMembers(this MarketplaceDbContext db, Guid familyId) =>
        db.Orders.AsNoTracking().Where(o => o.Members.Any(m => m.FamilyId == familyId));
}
