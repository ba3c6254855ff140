using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stripe;
using Will.Marketplace.Infrastructure.Auditing;
using Will.Marketplace.Infrastructure.Payments;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Infrastructure.Persistence.Entities;
using Will.Marketplace.Web.Hosting;
using static Will.Marketplace.Web.Hosting.Localization;

namespace Will.Marketplace.Web.Apis;

/// <summary>
/// Families save a payment method with a SetupIntent (the card goes from Stripe Elements to
/// Stripe, never through our servers); providers onboard as Stripe connected accounts.
/// Without Stripe keys both say so: payments are then settled by hand.
/// </summary>
public static class PaymentSetupApi
{
    public static IEndpointRouteBuilder MapPaymentSetupApi(this IEndpointRouteBuilder app)
    {
        var family = app.MapGroup("/api/v1/payment-method").WithTags("Payments").RequireAuthorization(Policies.Family);
        family.MapGet("/", Status).WithName("GetPaymentMethod");
        family.MapPost("/setup", Setup).WithName("SetUpPaymentMethod");
        var provider = app.MapGroup("/api/v1/providers/me/payouts").WithTags("Payments").RequireAuthorization(Policies.Provider);
        provider.MapGet("/", Payouts).WithName("GetPayoutAccount");
        provider.MapPost("/onboarding", Onboard).WithName("StartPayoutOnboarding");
        return app;
    }

    public sealed record PaymentMethodView(bool StripeConfigured, bool Saved, string? PublishableKey);

    public sealed record SetupView(string ClientSecret, string PublishableKey);

    public sealed record PayoutView(bool StripeConfigured, bool Onboarded, bool DetailsSubmitted, bool PayoutsEnabled);

    public sealed record OnboardingView(string Url);

    public static async Task<Ok<PaymentMethodView>> Status(HttpContext context, MarketplaceDbContext db, IOptions<StripeOptions> stripe, CancellationToken cancellationToken)
    {
        var familyId = context.User.UserId();
        var saved = await db.FamilyPaymentProfiles.AsNoTracking().AnyAsync(p => p.FamilyId == familyId && p.PaymentMethodId != null, cancellationToken);
        return TypedResults.Ok(new PaymentMethodView(stripe.Value.IsConfigured, saved, stripe.Value.IsConfigured ? stripe.Value.PublishableKey : null));
    }

    /// <summary>Creates (once) the family's Stripe customer and a SetupIntent whose client secret the browser confirms with Stripe Elements.</summary>
    public static async Task<Results<Ok<SetupView>, ProblemHttpResult>> Setup(
        HttpContext context, MarketplaceDbContext db, IOptions<StripeOptions> stripe, IServiceProvider services, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!stripe.Value.IsConfigured || string.IsNullOrWhiteSpace(stripe.Value.PublishableKey))
        {
            return NotConfigured();
        }

        var familyId = context.User.UserId();
        var gateway = services.GetRequiredService<StripeGateway>();
        var profile = await db.FamilyPaymentProfiles.SingleOrDefaultAsync(p => p.FamilyId == familyId, cancellationToken);
        try
        {
            if (profile is null)
            {
                var email = await db.Users.AsNoTracking().Where(u => u.Id == familyId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
                var customer = await gateway.CustomerAsync(familyId, email, cancellationToken);
                profile = new FamilyPaymentProfileRecord { FamilyId = familyId, StripeCustomerId = customer.Id, UpdatedAt = time.GetUtcNow() };
                db.FamilyPaymentProfiles.Add(profile);
                await db.SaveChangesAsync(cancellationToken);
            }

            var attempt = (int)(time.GetUtcNow().ToUnixTimeSeconds() / 600);
            var intent = await gateway.SetupIntentAsync(familyId, profile.StripeCustomerId, attempt, cancellationToken);
            (profile.SetupIntentId, profile.UpdatedAt) = (intent.Id, time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            await context.Audit(new AuditEvent("setup", "payment-method", familyId.ToString(), familyId, context.User.MunicipalityCode()));
            return TypedResults.Ok(new SetupView(intent.ClientSecret, stripe.Value.PublishableKey!));
        }
        catch (StripeException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: Say("Stripe non ha risposto come previsto: riprova tra poco.", "Stripe did not answer as expected: try again shortly."), detail: ex.StripeError?.Message);
        }
    }

    public static async Task<Ok<PayoutView>> Payouts(HttpContext context, MarketplaceDbContext db, IOptions<StripeOptions> stripe, CancellationToken cancellationToken)
    {
        var providerId = context.User.ProviderId();
        var provider = await db.Providers.AsNoTracking().SingleAsync(p => p.Id == providerId, cancellationToken);
        return TypedResults.Ok(new PayoutView(stripe.Value.IsConfigured, provider.StripeAccountId is not null, provider.StripeDetailsSubmitted, provider.StripePayoutsEnabled));
    }

    /// <summary>Creates (once) the provider's Express connected account and returns Stripe's hosted onboarding link; <c>account.updated</c> then keeps its status.</summary>
    public static async Task<Results<Ok<OnboardingView>, ProblemHttpResult>> Onboard(
        HttpContext context, MarketplaceDbContext db, IOptions<StripeOptions> stripe, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!stripe.Value.IsConfigured)
        {
            return NotConfigured();
        }

        var providerId = context.User.ProviderId();
        var provider = await db.Providers.SingleAsync(p => p.Id == providerId, cancellationToken);
        var gateway = services.GetRequiredService<StripeGateway>();
        try
        {
            if (provider.StripeAccountId is null)
            {
                var email = await db.Users.AsNoTracking().Where(u => u.Id == context.User.UserId()).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
                provider.StripeAccountId = (await gateway.ConnectedAccountAsync(provider.Id, provider.LegalName, email, cancellationToken)).Id;
                await db.SaveChangesAsync(cancellationToken);
            }

            var back = new Uri($"{context.Request.Scheme}://{context.Request.Host}/#payouts");
            var link = await gateway.OnboardingLinkAsync(provider.StripeAccountId, back, back, cancellationToken);
            await context.Audit(new AuditEvent("onboard", "payout-account", provider.Id.ToString(), MunicipalityCode: context.User.MunicipalityCode()));
            return TypedResults.Ok(new OnboardingView(link.Url));
        }
        catch (StripeException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: Say("Stripe non ha risposto come previsto: riprova tra poco.", "Stripe did not answer as expected: try again shortly."), detail: ex.StripeError?.Message);
        }
    }

    private static ProblemHttpResult NotConfigured() => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
        title: Say("I pagamenti con carta non sono attivi qui: le quote si regolano con bonifico e il Comune le segna come pagate.",
            "Card payments are not enabled here: shares are settled by bank transfer and the municipality marks them paid."),
        extensions: new Dictionary<string, object?> { ["reason"] = "stripe-not-configured" });
}
