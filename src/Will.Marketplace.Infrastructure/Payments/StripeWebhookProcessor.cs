using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stripe;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Infrastructure.Persistence.Entities;

namespace Will.Marketplace.Infrastructure.Payments;

public enum WebhookOutcome
{
    Processed,
    Duplicate,
    NotConfigured,
    InvalidSignature,
}

/// <summary>Verifies a webhook's signature, then records the event and its effects once, by event id.</summary>
public sealed class StripeWebhookProcessor(
    IDbContextFactory<MarketplaceDbContext> contexts,
    IOptions<StripeOptions> options,
    IEnumerable<IStripeEventHandler> handlers,
    TimeProvider time,
    ILogger<StripeWebhookProcessor> logger)
{
    private readonly Dictionary<string, IStripeEventHandler> _handlers = handlers.ToDictionary(h => h.EventType);

    public async Task<WebhookOutcome> ProcessAsync(string payload, string? signatureHeader, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.WebhookSecret))
        {
            return WebhookOutcome.NotConfigured;
        }

        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(payload, signatureHeader ?? "", settings.WebhookSecret, settings.WebhookToleranceSeconds, throwOnApiVersionMismatch: false);
        }
        catch (StripeException ex)
        {
            logger.LogWarning("Rejected a Stripe webhook: {Reason}", ex.Message);
            return WebhookOutcome.InvalidSignature;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.StripeEvents.AnyAsync(e => e.Id == stripeEvent.Id, cancellationToken))
        {
            return WebhookOutcome.Duplicate;
        }

        var handler = _handlers.GetValueOrDefault(stripeEvent.Type);
        if (handler is not null)
        {
            await handler.HandleAsync(stripeEvent, db, cancellationToken);
        }

        db.StripeEvents.Add(new StripeEventRecord
        {
            Id = stripeEvent.Id,
            Type = stripeEvent.Type,
            LiveMode = stripeEvent.Livemode,
            StripeCreatedAt = new DateTimeOffset(DateTime.SpecifyKind(stripeEvent.Created, DateTimeKind.Utc)),
            ReceivedAt = time.GetUtcNow(),
            Outcome = handler is null ? "ignored" : "handled",
            Payload = payload,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent delivery of the same event may have won the insert: its effects stand, ours are discarded.
            if (await IsRecorded(stripeEvent.Id, cancellationToken))
            {
                return WebhookOutcome.Duplicate;
            }

            throw;
        }

        logger.LogInformation("Stripe event {EventId} ({Type}) {Outcome}", stripeEvent.Id, stripeEvent.Type, handler is null ? "ignored" : "handled");
        return WebhookOutcome.Processed;
    }

    private async Task<bool> IsRecorded(string eventId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.StripeEvents.AnyAsync(e => e.Id == eventId, cancellationToken);
    }
}
