namespace Will.Marketplace.Infrastructure.Persistence.Entities;

/// <summary>A Stripe webhook event, stored once by its id so that redelivery has no effect.</summary>
public sealed class StripeEventRecord
{
    public required string Id { get; set; }

    public required string Type { get; set; }

    public bool LiveMode { get; set; }

    public DateTimeOffset StripeCreatedAt { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>"handled" or "ignored" (no handler for the type yet).</summary>
    public required string Outcome { get; set; }

    public required string Payload { get; set; }
}
