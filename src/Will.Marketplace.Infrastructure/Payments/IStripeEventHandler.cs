using Stripe;
using Will.Marketplace.Infrastructure.Persistence;

namespace Will.Marketplace.Infrastructure.Payments;

/// <summary>
/// Applies one Stripe event type to the database. Its changes are saved in the same transaction
/// as the event's record, so an event takes effect exactly once.
/// </summary>
public interface IStripeEventHandler
{
    string EventType { get; }

    Task HandleAsync(Event stripeEvent, MarketplaceDbContext db, CancellationToken cancellationToken);
}
