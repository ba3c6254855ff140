namespace Will.Marketplace.Infrastructure.Payments;

/// <summary>
/// Section "Stripe". Keys come from user-secrets or the environment (Stripe__SecretKey…), never
/// from the repository. Without a secret key the product records payment obligations in its ledger
/// for manual settlement.
/// </summary>
public sealed class StripeOptions
{
    public const string Section = "Stripe";

    public string? SecretKey { get; set; }

    public string? PublishableKey { get; set; }

    public string? WebhookSecret { get; set; }

    /// <summary>Another API base (tests point it at the local Stripe emulator); null means Stripe's own.</summary>
    public Uri? ApiBase { get; set; }

    /// <summary>Seconds a webhook signature stays acceptable (Stripe's default is 300).</summary>
    public int WebhookToleranceSeconds { get; set; } = 300;

    public int MaxNetworkRetries { get; set; } = 2;

    /// <summary>Seconds to wait for one Stripe answer; a payment left unanswered is sent again later under the same idempotency key.</summary>
    public double TimeoutSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(SecretKey);

    public IEnumerable<string> Problems()
    {
        if (!string.IsNullOrWhiteSpace(SecretKey) && !SecretKey.StartsWith("sk_", StringComparison.Ordinal) && !SecretKey.StartsWith("rk_", StringComparison.Ordinal))
        {
            yield return "Stripe:SecretKey must be a secret (sk_…) or restricted (rk_…) key.";
        }

        if (!string.IsNullOrWhiteSpace(PublishableKey) && !PublishableKey.StartsWith("pk_", StringComparison.Ordinal))
        {
            yield return "Stripe:PublishableKey must start with pk_.";
        }

        if (!string.IsNullOrWhiteSpace(WebhookSecret) && !WebhookSecret.StartsWith("whsec_", StringComparison.Ordinal))
        {
            yield return "Stripe:WebhookSecret must start with whsec_.";
        }

        if (ApiBase is { IsAbsoluteUri: false })
        {
            yield return "Stripe:ApiBase must be an absolute URL.";
        }

        if (TimeoutSeconds is <= 0 or > 300)
        {
            yield return "Stripe:TimeoutSeconds must be more than 0 and at most 300.";
        }

        if (WebhookToleranceSeconds is < 1 or > 3600)
        {
            yield return "Stripe:WebhookToleranceSeconds must be between 1 and 3600.";
        }
    }
}
