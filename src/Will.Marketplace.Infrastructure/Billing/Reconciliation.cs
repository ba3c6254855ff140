using Microsoft.EntityFrameworkCore;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Infrastructure.Persistence.Entities;

namespace Will.Marketplace.Infrastructure.Billing;

/// <summary>Opens items for staff to settle by hand: one per reference, however often the cause is seen.</summary>
public static class Reconciliation
{
    public static void Open(MarketplaceDbContext db, Guid? orderId, string kind, long amountCents, string detail, string reference, DateTimeOffset now)
    {
        if (db.ReconciliationItems.Local.Any(r => r.Reference == reference))
        {
            return;
        }

        // The municipality is the order's pool's; looked up lazily so callers need not load it.
        var municipality = orderId is { } id
            ? db.Orders.Where(o => o.Id == id).Join(db.Pools, o => o.PoolId, p => p.Id, (o, p) => p.MunicipalityCode).SingleOrDefault() ?? ""
            : "";
        if (db.ReconciliationItems.Any(r => r.Reference == reference))
        {
            return;
        }

        db.ReconciliationItems.Add(new ReconciliationItemRecord
        {
            Id = Guid.CreateVersion7(),
            MunicipalityCode = municipality,
            OrderId = orderId,
            Kind = kind,
            AmountCents = amountCents,
            Detail = detail.Length > 1000 ? detail[..1000] : detail,
            Reference = reference,
            OpenedAt = now,
        });
    }
}
