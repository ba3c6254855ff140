using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Stripe;

namespace Will.Marketplace.Infrastructure.Payments;

public static class StripeServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates the Stripe options and, when a secret key is configured, registers the
    /// real <see cref="IStripeClient"/> (pointed at <see cref="StripeOptions.ApiBase"/> when set).
    /// </summary>
    public static IServiceCollection AddMarketplaceStripe(this IServiceCollection services)
    {
        services.AddOptions<StripeOptions>()
            .BindConfiguration(StripeOptions.Section)
            .Validate(o => !o.Problems().Any(), "Stripe settings are invalid: check Stripe:SecretKey, PublishableKey, WebhookSecret and ApiBase.")
            .ValidateOnStart();
        services.AddHttpClient(nameof(StripeClient));
        services.AddSingleton<IStripeClient>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StripeOptions>>().Value;
            if (!options.IsConfigured)
            {
                throw new InvalidOperationException("Stripe is not configured (no Stripe:SecretKey): payments are recorded in the ledger for manual settlement.");
            }

            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(StripeClient));
            return new StripeClient(new StripeClientOptions
            {
                ApiKey = options.SecretKey,
                ApiBase = options.ApiBase?.ToString().TrimEnd('/'),
                HttpClient = new SystemNetHttpClient(http, options.MaxNetworkRetries),
            });
        });
        services.AddSingleton<StripeWebhookProcessor>();
        return services;
    }
}
