using Stripe;
using Will.Marketplace.Infrastructure.Billing;
using Will.Marketplace.Infrastructure.Persistence;

namespace Will.Marketplace.Infrastructure.Payments.Handlers;

/// <summary>A family's payment arrived: the charge is complete and posted, unless it already was.</summary>
internal sealed class PaymentSucceededHandler(TimeProvider time) : IStripeEventHandler
{
    public string EventType => EventTypes.PaymentIntentSucceeded;

    public async Task HandleAsync(Event stripeEvent, MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var intent = (PaymentIntent)stripeEvent.Data.Object;
        if (await InstructionLookup.FindAsync(db, intent.Metadata, cancellationToken) is { Kind: PaymentKinds.Charge } charge)
        {
            LedgerWriter.Complete(db, charge, PaymentStatuses.Succeeded, intent.Id, $"event:{stripeEvent.Id}", time.GetUtcNow());
        }
    }
}

/// <summary>A family's payment failed: staff get an item to follow up, unless the payment has succeeded since.</summary>
internal sealed class PaymentFailedHandler(TimeProvider time) : IStripeEventHandler
{
    public string EventType => EventTypes.PaymentIntentPaymentFailed;

    public async Task HandleAsync(Event stripeEvent, MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var intent = (PaymentIntent)stripeEvent.Data.Object;
        if (await InstructionLookup.FindAsync(db, intent.Metadata, cancellationToken) is { Kind: PaymentKinds.Charge, Status: PaymentStatuses.Pending or PaymentStatuses.Processing } charge)
        {
            charge.Status = PaymentStatuses.Failed;
            charge.StripeId = intent.Id;
            charge.LastError = intent.LastPaymentError?.Message ?? "The payment failed.";
            charge.Version++;
            Reconciliation.Open(db, charge.OrderId, "payment-failed", charge.AmountCents, $"charge of {charge.AmountCents} cents for {charge.Period}: {charge.LastError}", $"payment-failed:{charge.Id}", time.GetUtcNow());
        }
    }
}

/// <summary>A refund settled or failed at Stripe after it was accepted as pending.</summary>
internal sealed class RefundUpdatedHandler(TimeProvider time) : IStripeEventHandler
{
    public string EventType => EventTypes.RefundUpdated;

    public async Task HandleAsync(Event stripeEvent, MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var refund = (Refund)stripeEvent.Data.Object;
        if (await InstructionLookup.FindAsync(db, refund.Metadata, cancellationToken) is not { Kind: PaymentKinds.Refund } instruction)
        {
            return;
        }

        if (refund.Status == "succeeded")
        {
            LedgerWriter.Complete(db, instruction, PaymentStatuses.Succeeded, refund.Id, $"event:{stripeEvent.Id}", time.GetUtcNow());
        }
        else if (refund.Status is "failed" or "canceled" && instruction.Status is PaymentStatuses.Pending or PaymentStatuses.Processing)
        {
            instruction.Status = PaymentStatuses.Failed;
            instruction.LastError = $"The refund {refund.Status}: {refund.FailureReason}";
            instruction.Version++;
            Reconciliation.Open(db, instruction.OrderId, "refund-failed", instruction.AmountCents, instruction.LastError, $"refund-failed:{instruction.Id}", time.GetUtcNow());
        }
    }
}

/// <summary>A family disputes a payment with its bank: staff get an item to answer it.</summary>
internal sealed class DisputeCreatedHandler(TimeProvider time) : IStripeEventHandler
{
    public string EventType => EventTypes.ChargeDisputeCreated;

    public Task HandleAsync(Event stripeEvent, MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var dispute = (Dispute)stripeEvent.Data.Object;
        var charge = db.PaymentInstructions.FirstOrDefault(i => i.StripeId == dispute.PaymentIntentId && i.Kind == PaymentKinds.Charge);
        Reconciliation.Open(db, charge?.OrderId, "dispute", dispute.Amount, $"A payment is disputed ({dispute.Reason}); answer by {dispute.EvidenceDetails?.DueBy:yyyy-MM-dd}.", $"dispute:{dispute.Id}", time.GetUtcNow());
        return Task.CompletedTask;
    }
}
