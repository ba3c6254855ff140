using Microsoft.EntityFrameworkCore;
using Stripe;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Infrastructure.Persistence.Entities;

namespace Will.Marketplace.Infrastructure.Payments.Handlers;

/// <summary>Keeps a provider's connected-account status: whether Stripe has its details and lets it receive payouts.</summary>
internal sealed class AccountUpdatedHandler : IStripeEventHandler
{
    public string EventType => EventTypes.AccountUpdated;

    public async Task HandleAsync(Event stripeEvent, MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var account = (Account)stripeEvent.Data.Object;
        if (await db.Providers.SingleOrDefaultAsync(p => p.StripeAccountId == account.Id, cancellationToken) is { } provider)
        {
            provider.StripeDetailsSubmitted = account.DetailsSubmitted;
            provider.StripePayoutsEnabled = account.PayoutsEnabled;
        }
    }
}

/// <summary>A family saved a payment method: later off-session charges use it.</summary>
internal sealed class SetupIntentSucceededHandler(TimeProvider time) : IStripeEventHandler
{
    public string EventType => EventTypes.SetupIntentSucceeded;

    public async Task HandleAsync(Event stripeEvent, MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var intent = (SetupIntent)stripeEvent.Data.Object;
        if (intent.Metadata.TryGetValue("familyId", out var text) && Guid.TryParse(text, out var familyId) &&
            await db.FamilyPaymentProfiles.SingleOrDefaultAsync(p => p.FamilyId == familyId, cancellationToken) is FamilyPaymentProfileRecord profile)
        {
            profile.PaymentMethodId = intent.PaymentMethodId;
            profile.SetupIntentId = intent.Id;
            profile.UpdatedAt = time.GetUtcNow();
        }
    }
}
