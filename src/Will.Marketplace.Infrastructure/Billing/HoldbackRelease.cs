using Microsoft.EntityFrameworkCore;
using Will.Marketplace.Domain.Ledger;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Infrastructure.Persistence.Entities;

namespace Will.Marketplace.Infrastructure.Billing;

/// <summary>
/// A month whose outcomes were met releases what its bill held back: the ledger owes it to the
/// provider again, and a transfer (or, without Stripe, a payment staff make by hand) pays it.
/// Added to the verification's own unit of work, so both commit together.
/// </summary>
public static class HoldbackRelease
{
    public static async Task<long> AddAsync(MarketplaceDbContext db, OrderRecord order, string period, bool stripeConfigured, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var held = await db.LedgerEntries.Where(e => e.OrderId == order.Id && e.Period == period && e.AccountKind == nameof(AccountKind.Holdback))
            .SumAsync(e => e.AmountCents, cancellationToken);
        var amount = -held;
        if (amount <= 0)
        {
            return 0;
        }

        LedgerWriter.Post(db, [Movements.Release(order.Id, period, order.ProviderId, amount)], $"release:{order.Id}:{period}", now);
        db.PaymentInstructions.Add(new PaymentInstructionRecord
        {
            Id = Guid.CreateVersion7(),
            Kind = PaymentKinds.Release,
            OrderId = order.Id,
            Period = period,
            Revision = int.MaxValue,
            ProviderId = order.ProviderId,
            AmountCents = amount,
            IdempotencyKey = $"{PaymentKinds.Release}:{order.Id}:{period}",
            Status = stripeConfigured ? PaymentStatuses.Pending : PaymentStatuses.Manual,
            CreatedAt = now,
        });
        return amount;
    }
}
