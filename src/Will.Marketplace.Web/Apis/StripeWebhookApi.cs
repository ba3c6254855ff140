using Microsoft.AspNetCore.Http.HttpResults;
using Will.Marketplace.Infrastructure.Payments;

namespace Will.Marketplace.Web.Apis;

public static class StripeWebhookApi
{
    /// <summary>Stripe's signed webhook payloads are small; anything larger is not from Stripe.</summary>
    private const int MaxPayloadBytes = 256 * 1024;

    public static RouteHandlerBuilder MapStripeWebhookApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/webhooks/stripe", Receive)
            .AllowAnonymous()
            .WithTags("Payments")
            .WithName("StripeWebhook")
            .DisableAntiforgery();

    public static async Task<Results<Ok, ProblemHttpResult>> Receive(HttpRequest request, StripeWebhookProcessor processor, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxPayloadBytes)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The webhook payload is too large.");
        }

        using var reader = new StreamReader(request.Body);
        var payload = await reader.ReadToEndAsync(cancellationToken);
        var outcome = await processor.ProcessAsync(payload, request.Headers["Stripe-Signature"], cancellationToken);
        return outcome switch
        {
            WebhookOutcome.Processed or WebhookOutcome.Duplicate => TypedResults.Ok(),
            WebhookOutcome.NotConfigured => TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Stripe webhooks are not configured here (no Stripe:WebhookSecret)."),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The Stripe signature is missing, invalid or too old."),
        };
    }
}
