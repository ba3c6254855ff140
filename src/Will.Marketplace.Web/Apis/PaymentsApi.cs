using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Will.Marketplace.Domain.Ledger;
using Will.Marketplace.Infrastructure.Auditing;
using Will.Marketplace.Infrastructure.Billing;
using Will.Marketplace.Infrastructure.Payments;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Infrastructure.Persistence.Entities;
using Will.Marketplace.Web.Hosting;
using static Will.Marketplace.Web.Hosting.Localization;

namespace Will.Marketplace.Web.Apis;

/// <summary>Staff's view of the money: payments to make or settle by hand, items to reconcile, and each order's ledger.</summary>
public static class PaymentsApi
{
    public static RouteGroupBuilder MapPaymentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Payments").RequireAuthorization(Policies.Staff);
        api.MapGet("/payments", List).WithName("ListPayments");
        api.MapPost("/payments/{id:guid}/settle", Settle).WithName("SettlePayment");
        api.MapGet("/reconciliation", Items).WithName("ListReconciliationItems");
        api.MapPost("/reconciliation/{id:guid}/resolve", Resolve).WithName("ResolveReconciliationItem");
        api.MapGet("/orders/{orderId:guid}/ledger", Ledger).WithName("GetOrderLedger");
        return api;
    }

    public sealed record PaymentView(Guid Id, string Kind, Guid OrderId, string Period, int Revision, Guid? FamilyId, long AmountCents, string Status, string? StripeId, int Attempts, string? LastError, DateTimeOffset CreatedAt);

    public sealed record ItemView(Guid Id, Guid? OrderId, string Kind, long AmountCents, string Detail, DateTimeOffset OpenedAt, bool Resolved);

    public sealed record EntryView(Guid PostingId, string Movement, string? Period, string Account, long AmountCents, string? Reference, DateTimeOffset PostedAt);

    public sealed record BalanceView(string Account, long BalanceCents);

    public sealed record LedgerView(Guid OrderId, bool Balanced, IReadOnlyList<BalanceView> Balances, IReadOnlyList<EntryView> Entries);

    public static async Task<Ok<List<PaymentView>>> List(string? status, HttpContext context, MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var orders = OrdersOf(db, context.User.MunicipalityCode()!);
        var rows = await db.PaymentInstructions.AsNoTracking().Where(p => orders.Contains(p.OrderId) && (status == null || p.Status == status)).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.OrderByDescending(p => p.CreatedAt).Select(p => new PaymentView(p.Id, p.Kind, p.OrderId, p.Period, p.Revision, p.FamilyId, p.AmountCents, p.Status, p.StripeId, p.Attempts, p.LastError, p.CreatedAt)).ToList());
    }

    /// <summary>Staff record a payment made outside Stripe (a bank transfer, or a failed card payment collected by hand); it is posted to the ledger once.</summary>
    public static async Task<Results<Ok<PaymentView>, NotFound, ProblemHttpResult>> Settle(Guid id, HttpContext context, MarketplaceDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var municipality = context.User.MunicipalityCode()!;
        var orders = OrdersOf(db, municipality);
        var payment = await db.PaymentInstructions.SingleOrDefaultAsync(p => p.Id == id && orders.Contains(p.OrderId), cancellationToken);
        if (payment is null)
        {
            return TypedResults.NotFound();
        }

        if (payment.Status is not (PaymentStatuses.Manual or PaymentStatuses.Failed or PaymentStatuses.Refused))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: Say(
                "Solo un pagamento da regolare a mano, fallito o rifiutato si segna come regolato.", "Only a payment to settle by hand, failed or refused can be marked settled."),
                extensions: new Dictionary<string, object?> { ["status"] = payment.Status });
        }

        LedgerWriter.Complete(db, payment, PaymentStatuses.Settled, null, $"settled-by:{context.User.UserId()}", time.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: Say("Il pagamento è cambiato nel frattempo: ricarica.", "The payment changed meanwhile: reload."));
        }

        await context.Audit(new AuditEvent("settle", "payment", id.ToString(), MunicipalityCode: municipality));
        return TypedResults.Ok(new PaymentView(payment.Id, payment.Kind, payment.OrderId, payment.Period, payment.Revision, payment.FamilyId, payment.AmountCents, payment.Status, payment.StripeId, payment.Attempts, payment.LastError, payment.CreatedAt));
    }

    public static async Task<Ok<List<ItemView>>> Items(HttpContext context, MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var municipality = context.User.MunicipalityCode()!;
        var rows = await db.ReconciliationItems.AsNoTracking().Where(r => r.MunicipalityCode == municipality).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.OrderBy(r => r.ResolvedAt != null).ThenByDescending(r => r.OpenedAt)
            .Select(r => new ItemView(r.Id, r.OrderId, r.Kind, r.AmountCents, r.Detail, r.OpenedAt, r.ResolvedAt != null)).ToList());
    }

    public static async Task<Results<NoContent, NotFound>> Resolve(Guid id, HttpContext context, MarketplaceDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var municipality = context.User.MunicipalityCode()!;
        var item = await db.ReconciliationItems.SingleOrDefaultAsync(r => r.Id == id && r.MunicipalityCode == municipality, cancellationToken);
        if (item is null)
        {
            return TypedResults.NotFound();
        }

        (item.ResolvedAt, item.ResolvedBy) = (item.ResolvedAt ?? time.GetUtcNow(), item.ResolvedBy ?? context.User.UserId());
        await db.SaveChangesAsync(cancellationToken);
        await context.Audit(new AuditEvent("resolve", "reconciliation", id.ToString(), MunicipalityCode: municipality));
        return TypedResults.NoContent();
    }

    /// <summary>An order's ledger: every entry, the balances derived from them, and whether every posting balances.</summary>
    public static async Task<Results<Ok<LedgerView>, NotFound>> Ledger(Guid orderId, HttpContext context, MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        if (!await OrdersOf(db, context.User.MunicipalityCode()!).AnyAsync(o => o == orderId, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var entries = await db.LedgerEntries.AsNoTracking().Where(e => e.OrderId == orderId).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var balanced = entries.GroupBy(e => e.PostingId).All(p => p.Sum(e => e.AmountCents) == 0);
        var balances = entries.GroupBy(e => Name(e)).Select(g => new BalanceView(g.Key, g.Sum(e => e.AmountCents))).OrderBy(b => b.Account, StringComparer.Ordinal).ToList();
        return TypedResults.Ok(new LedgerView(orderId, balanced, balances,
            [.. entries.Select(e => new EntryView(e.PostingId, e.Movement, e.Period, Name(e), e.AmountCents, e.Reference, e.PostedAt))]));
    }

    private static string Name(LedgerEntryRecord e) => e.AccountOwner.Length == 0 ? e.AccountKind : $"{e.AccountKind}:{e.AccountOwner}";

    private static IQueryable<Guid> OrdersOf(MarketplaceDbContext db, string municipality) =>
        db.Orders.Join(db.Pools.Where(p => p.MunicipalityCode == municipality), o => o.PoolId, p => p.Id, (o, p) => o.Id);
}
