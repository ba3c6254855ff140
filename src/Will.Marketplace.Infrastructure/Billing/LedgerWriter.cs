using Will.Marketplace.Domain.Ledger;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Infrastructure.Persistence.Entities;

namespace Will.Marketplace.Infrastructure.Billing;

/// <summary>Adds balanced postings to the unit of work, so they commit with the change that caused them.</summary>
public static class LedgerWriter
{
    public static void Post(MarketplaceDbContext db, IEnumerable<Posting?> postings, string reference, DateTimeOffset now)
    {
        foreach (var posting in postings.OfType<Posting>())
        {
            if (!posting.IsBalanced)
            {
                throw new InvalidOperationException($"An unbalanced {posting.Movement} posting was refused.");
            }

            var id = Guid.CreateVersion7();
            db.LedgerEntries.AddRange(posting.Lines.Select(line => new LedgerEntryRecord
            {
                PostingId = id,
                Movement = posting.Movement.ToString(),
                OrderId = posting.OrderId,
                Period = posting.Period,
                AccountKind = line.Account.Kind.ToString(),
                AccountOwner = line.Account.Owner,
                AmountCents = line.AmountCents,
                Reference = reference,
                PostedAt = now,
            }));
        }
    }

    /// <summary>What a payment instruction's completion posts: the money moved.</summary>
    public static Posting? OnCompletion(PaymentInstructionRecord instruction) => instruction.Kind switch
    {
        PaymentKinds.Charge => Movements.Payment(instruction.OrderId, instruction.Period, instruction.FamilyId!.Value, instruction.AmountCents),
        PaymentKinds.Transfer or PaymentKinds.Release => Movements.Transfer(instruction.OrderId, instruction.Period, instruction.ProviderId, instruction.AmountCents),
        PaymentKinds.Refund => Movements.Refund(instruction.OrderId, instruction.Period, instruction.FamilyId!.Value, instruction.AmountCents),
        PaymentKinds.Reversal => Movements.Reversal(instruction.OrderId, instruction.Period, instruction.ProviderId, instruction.AmountCents),
        _ => throw new InvalidOperationException($"Unknown payment kind {instruction.Kind}."),
    };

    /// <summary>Marks an instruction done (by Stripe or by hand) and posts its movement, once: a second completion changes nothing.</summary>
    public static bool Complete(MarketplaceDbContext db, PaymentInstructionRecord instruction, string status, string? stripeId, string reference, DateTimeOffset now)
    {
        if (instruction.Status is PaymentStatuses.Succeeded or PaymentStatuses.Settled)
        {
            return false;
        }

        instruction.Status = status;
        instruction.StripeId = stripeId ?? instruction.StripeId;
        instruction.CompletedAt = now;
        instruction.LastError = null;
        instruction.Version++;
        Post(db, [OnCompletion(instruction)], reference, now);
        return true;
    }
}

public static class PaymentKinds
{
    public const string Charge = "charge";
    public const string Transfer = "transfer";
    public const string Refund = "refund";
    public const string Reversal = "reversal";
    public const string Release = "release";
}

public static class PaymentStatuses
{
    public const string Pending = "pending";
    public const string Processing = "processing";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Refused = "refused";
    public const string Manual = "manual";
    public const string Settled = "settled";
}
