using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stripe;
using Will.Marketplace.Domain.Ports;
using Will.Marketplace.Infrastructure.Payments;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Infrastructure.Persistence.Entities;

namespace Will.Marketplace.Infrastructure.Billing;

/// <summary>
/// Makes the payments a bill left to make, through Stripe, each under its idempotency key. A
/// timeout or a server error leaves the payment pending, and the next pass sends it again under
/// the same key, so Stripe answers with the first result instead of paying twice. A transfer waits
/// until every charge of its bill has succeeded; a refund waits for the charge it refunds, a
/// reversal for the transfer it reverses. Each result is saved, with its ledger posting, before the next call.
/// </summary>
public sealed class PaymentExecutor(
    IDbContextFactory<MarketplaceDbContext> contexts,
    IServiceProvider services,
    IOptions<StripeOptions> stripe,
    TimeProvider time,
    ILogger<PaymentExecutor> logger)
{
    public async Task<BillingReport> ExecuteAsync(string municipalityCode, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var orderIds = db.Orders.Join(db.Pools, o => o.PoolId, p => p.Id, (o, p) => new { o.Id, p.MunicipalityCode }).Where(x => x.MunicipalityCode == municipalityCode).Select(x => x.Id);
        if (!stripe.Value.IsConfigured)
        {
            var manual = await db.PaymentInstructions.CountAsync(i => orderIds.Contains(i.OrderId) && i.Status == PaymentStatuses.Manual, cancellationToken);
            return new BillingReport(0, 0, 0, [], 0, manual);
        }

        var gateway = services.GetRequiredService<StripeGateway>();
        var pending = await db.PaymentInstructions.Where(i => orderIds.Contains(i.OrderId) && i.Status == PaymentStatuses.Pending).ToListAsync(cancellationToken);
        var made = 0;
        foreach (var instruction in pending.OrderBy(i => KindOrder(i.Kind)).ThenBy(i => i.Revision).ThenBy(i => i.CreatedAt))
        {
            try
            {
                made += await ExecuteOneAsync(db, gateway, instruction, cancellationToken) ? 1 : 0;
            }
            catch (DbUpdateConcurrencyException)
            {
                // A webhook completed it meanwhile: its result stands.
                db.ChangeTracker.Clear();
            }
        }

        var left = await db.PaymentInstructions.CountAsync(i => orderIds.Contains(i.OrderId) && (i.Status == PaymentStatuses.Pending || i.Status == PaymentStatuses.Processing), cancellationToken);
        return new BillingReport(0, 0, 0, [], made, left);
    }

    private static int KindOrder(string kind) => kind switch
    {
        PaymentKinds.Charge => 0,
        PaymentKinds.Transfer => 1,
        PaymentKinds.Release => 2,
        PaymentKinds.Refund => 3,
        _ => 4,
    };

    private async Task<bool> ExecuteOneAsync(MarketplaceDbContext db, StripeGateway gateway, PaymentInstructionRecord instruction, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        string? waitingFor = null;
        try
        {
            switch (instruction.Kind)
            {
                case PaymentKinds.Charge:
                    var profile = await db.FamilyPaymentProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.FamilyId == instruction.FamilyId, cancellationToken);
                    if (profile?.PaymentMethodId is null)
                    {
                        Fail(db, instruction, "The family has not saved a payment method.", "payment-failed", now);
                        break;
                    }

                    var intent = await gateway.ChargeAsync(instruction, profile.StripeCustomerId, profile.PaymentMethodId, cancellationToken);
                    Outcome(db, instruction, intent.Id, intent.Status switch
                    {
                        "succeeded" => PaymentStatuses.Succeeded,
                        "processing" => PaymentStatuses.Processing,
                        _ => PaymentStatuses.Failed,
                    }, $"The payment needs the family ({intent.Status}).", now);
                    break;

                case PaymentKinds.Transfer or PaymentKinds.Release:
                    var unpaid = await db.PaymentInstructions.AnyAsync(i => i.OrderId == instruction.OrderId && i.Period == instruction.Period && i.Kind == PaymentKinds.Charge &&
                        i.Revision <= instruction.Revision && i.Status != PaymentStatuses.Succeeded && i.Status != PaymentStatuses.Settled, cancellationToken);
                    var account = await db.Providers.AsNoTracking().Where(p => p.Id == instruction.ProviderId).Select(p => p.StripeAccountId).SingleAsync(cancellationToken);
                    waitingFor = instruction.Kind == PaymentKinds.Transfer && unpaid ? "Waiting for the families' payments." : account is null ? "The provider has not onboarded with Stripe." : null;
                    if (waitingFor is null)
                    {
                        var transfer = await gateway.TransferAsync(instruction, account!, cancellationToken);
                        Outcome(db, instruction, transfer.Id, PaymentStatuses.Succeeded, null, now);
                    }

                    break;

                case PaymentKinds.Refund:
                    var charge = await db.PaymentInstructions.AsNoTracking()
                        .Where(i => i.OrderId == instruction.OrderId && i.Period == instruction.Period && i.FamilyId == instruction.FamilyId && i.Kind == PaymentKinds.Charge && i.Status == PaymentStatuses.Succeeded && i.AmountCents >= instruction.AmountCents)
                        .OrderBy(i => i.Revision).FirstOrDefaultAsync(cancellationToken);
                    waitingFor = charge?.StripeId is null ? "Waiting for the payment it refunds." : null;
                    if (waitingFor is null)
                    {
                        var refund = await gateway.RefundAsync(instruction, charge!.StripeId!, cancellationToken);
                        Outcome(db, instruction, refund.Id, refund.Status switch
                        {
                            "succeeded" => PaymentStatuses.Succeeded,
                            "pending" => PaymentStatuses.Processing,
                            _ => PaymentStatuses.Failed,
                        }, $"Stripe could not refund ({refund.Status}).", now);
                    }

                    break;

                case PaymentKinds.Reversal:
                    var original = await db.PaymentInstructions.AsNoTracking()
                        .Where(i => i.OrderId == instruction.OrderId && i.Period == instruction.Period && i.Kind == PaymentKinds.Transfer && i.Status == PaymentStatuses.Succeeded)
                        .OrderBy(i => i.Revision).FirstOrDefaultAsync(cancellationToken);
                    waitingFor = original?.StripeId is null ? "Waiting for the transfer it reverses." : null;
                    if (waitingFor is null)
                    {
                        var reversal = await gateway.ReverseAsync(instruction, original!.StripeId!, cancellationToken);
                        Outcome(db, instruction, reversal.Id, PaymentStatuses.Succeeded, null, now);
                    }

                    break;
            }
        }
        catch (StripeException ex) when (IsTransient(ex))
        {
            Retry(instruction, $"Stripe answered {(int)ex.HttpStatusCode}: {ex.Message}");
        }
        catch (StripeException ex)
        {
            instruction.StripeId ??= ex.StripeError?.PaymentIntent?.Id;
            if (instruction.Kind == PaymentKinds.Reversal)
            {
                instruction.Status = PaymentStatuses.Refused;
                instruction.Version++;
                instruction.LastError = ex.Message;
                Reconciliation.Open(db, instruction.OrderId, "reversal-refused", instruction.AmountCents,
                    $"Stripe refused to reverse {instruction.AmountCents} cents of the provider's transfer for {instruction.Period}: {ex.Message}", $"reversal-refused:{instruction.Id}", now);
            }
            else
            {
                Fail(db, instruction, ex.StripeError?.Message ?? ex.Message, "payment-failed", now);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Retry(instruction, $"No answer from Stripe: {ex.Message}");
        }

        if (waitingFor is not null)
        {
            instruction.LastError = waitingFor;
        }

        await db.SaveChangesAsync(cancellationToken);
        return instruction.Status is PaymentStatuses.Succeeded or PaymentStatuses.Processing;
    }

    private static bool IsTransient(StripeException ex) =>
        ex.HttpStatusCode is HttpStatusCode.Conflict or HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)ex.HttpStatusCode >= 500 || ex.HttpStatusCode == 0;

    private void Retry(PaymentInstructionRecord instruction, string error)
    {
        instruction.Attempts++;
        instruction.LastError = error.Length > 1000 ? error[..1000] : error;
        logger.LogWarning("Payment {Key} left pending after attempt {Attempt}: {Error}", instruction.IdempotencyKey, instruction.Attempts, instruction.LastError);
    }

    private static void Outcome(MarketplaceDbContext db, PaymentInstructionRecord instruction, string stripeId, string status, string? failure, DateTimeOffset now)
    {
        instruction.Attempts++;
        instruction.StripeId = stripeId;
        switch (status)
        {
            case PaymentStatuses.Succeeded:
                LedgerWriter.Complete(db, instruction, PaymentStatuses.Succeeded, stripeId, instruction.IdempotencyKey, now);
                break;
            case PaymentStatuses.Processing:
                instruction.Status = PaymentStatuses.Processing;
                instruction.Version++;
                break;
            default:
                Fail(db, instruction, failure ?? "Stripe refused the payment.", "payment-failed", now);
                break;
        }
    }

    private static void Fail(MarketplaceDbContext db, PaymentInstructionRecord instruction, string reason, string itemKind, DateTimeOffset now)
    {
        instruction.Status = PaymentStatuses.Failed;
        instruction.LastError = reason.Length > 1000 ? reason[..1000] : reason;
        instruction.Version++;
        Reconciliation.Open(db, instruction.OrderId, itemKind, instruction.AmountCents, $"{instruction.Kind} of {instruction.AmountCents} cents for {instruction.Period}: {instruction.LastError}", $"{itemKind}:{instruction.Id}", now);
    }
}
