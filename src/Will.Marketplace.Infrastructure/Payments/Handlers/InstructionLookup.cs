using Microsoft.EntityFrameworkCore;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Infrastructure.Persistence.Entities;

namespace Will.Marketplace.Infrastructure.Payments.Handlers;

/// <summary>Finds the payment an event is about by the instruction id the product put in the object's metadata.</summary>
internal static class InstructionLookup
{
    public static async Task<PaymentInstructionRecord?> FindAsync(MarketplaceDbContext db, IDictionary<string, string>? metadata, CancellationToken cancellationToken) =>
        metadata is not null && metadata.TryGetValue("instruction", out var text) && Guid.TryParse(text, out var id)
            ? await db.PaymentInstructions.SingleOrDefaultAsync(i => i.Id == id, cancellationToken)
            : null;
}
