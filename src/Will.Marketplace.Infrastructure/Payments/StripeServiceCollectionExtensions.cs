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
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StripeOptions>, StripeOptionsValidator>();
        services.AddHttpClient(nameof(StripeClient)).ConfigureHttpClient((sp, http) => http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<StripeOptions>>().Value.TimeoutSeconds));
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
        services.AddSingleton<StripeGateway>();
        services.AddSingleton<StripeWebhookProcessor>();
        services.AddSingleton<IStripeEventHandler, Handlers.PaymentSucceededHandler>();
        services.AddSingleton<IStripeEventHandler, Handlers.PaymentFailedHandler>();
        services.AddSingleton<IStripeEventHandler, Handlers.RefundUpdatedHandler>();
        services.AddSingleton<IStripeEventHandler, Handlers.DisputeCreatedHandler>();
        services.AddSingleton<IStripeEventHandler, Handlers.AccountUpdatedHandler>();
        services.AddSingleton<IStripeEventHandler, Handlers.SetupIntentSucceededHandler>();
        services.AddSingleton<Billing.PaymentExecutor>();
        services.AddSingleton<Domain.Ports.IBillingRunner, Billing.BillingService>();
        return services;
    }
}

/// <summary>Names each bad Stripe setting, so a misconfigured deployment stops with a clear message.</summary>
internal sealed class StripeOptionsValidator : IValidateOptions<StripeOptions>
{
    public ValidateOptionsResult Validate(string? name, StripeOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
