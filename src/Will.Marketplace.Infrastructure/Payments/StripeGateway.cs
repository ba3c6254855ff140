using Stripe;
using Will.Marketplace.Infrastructure.Persistence.Entities;

namespace Will.Marketplace.Infrastructure.Payments;

/// <summary>
/// The few Stripe calls the marketplace makes (separate charges and transfers, Connect onboarding,
/// SetupIntents), each under an idempotency key derived from what it pays for.
/// </summary>
public sealed class StripeGateway(IStripeClient client)
{
    public const string Currency = "eur";

    public static string TransferGroup(Guid orderId) => $"order_{orderId:N}";

    public Task<PaymentIntent> ChargeAsync(PaymentInstructionRecord instruction, string customerId, string paymentMethodId, CancellationToken cancellationToken) =>
        new PaymentIntentService(client).CreateAsync(new PaymentIntentCreateOptions
        {
            Amount = instruction.AmountCents,
            Currency = Currency,
            Customer = customerId,
            PaymentMethod = paymentMethodId,
            OffSession = true,
            Confirm = true,
            TransferGroup = TransferGroup(instruction.OrderId),
            Description = $"Will.Marketplace {instruction.Period}",
            Metadata = Metadata(instruction),
        }, Keyed(instruction), cancellationToken);

    public Task<Transfer> TransferAsync(PaymentInstructionRecord instruction, string destinationAccountId, CancellationToken cancellationToken) =>
        new TransferService(client).CreateAsync(new TransferCreateOptions
        {
            Amount = instruction.AmountCents,
            Currency = Currency,
            Destination = destinationAccountId,
            TransferGroup = TransferGroup(instruction.OrderId),
            Metadata = Metadata(instruction),
        }, Keyed(instruction), cancellationToken);

    public Task<Refund> RefundAsync(PaymentInstructionRecord instruction, string paymentIntentId, CancellationToken cancellationToken) =>
        new RefundService(client).CreateAsync(new RefundCreateOptions
        {
            PaymentIntent = paymentIntentId,
            Amount = instruction.AmountCents,
            Metadata = Metadata(instruction),
        }, Keyed(instruction), cancellationToken);

    public Task<TransferReversal> ReverseAsync(PaymentInstructionRecord instruction, string transferId, CancellationToken cancellationToken) =>
        new TransferReversalService(client).CreateAsync(transferId, new TransferReversalCreateOptions
        {
            Amount = instruction.AmountCents,
            Metadata = Metadata(instruction),
        }, Keyed(instruction), cancellationToken);

    public Task<Customer> CustomerAsync(Guid familyId, string? email, CancellationToken cancellationToken) =>
        new CustomerService(client).CreateAsync(new CustomerCreateOptions
        {
            Email = email,
            Metadata = new() { ["familyId"] = familyId.ToString() },
        }, new RequestOptions { IdempotencyKey = $"customer:{familyId}" }, cancellationToken);

    /// <summary>A SetupIntent for saving a card for later off-session charges. <paramref name="attempt"/> numbers the family's attempts, so a retry of one attempt is the same intent.</summary>
    public Task<SetupIntent> SetupIntentAsync(Guid familyId, string customerId, int attempt, CancellationToken cancellationToken) =>
        new SetupIntentService(client).CreateAsync(new SetupIntentCreateOptions
        {
            Customer = customerId,
            Usage = "off_session",
            AutomaticPaymentMethods = new SetupIntentAutomaticPaymentMethodsOptions { Enabled = true },
            Metadata = new() { ["familyId"] = familyId.ToString() },
        }, new RequestOptions { IdempotencyKey = $"setup:{familyId}:{attempt}" }, cancellationToken);

    public Task<Account> ConnectedAccountAsync(Guid providerId, string legalName, string? email, CancellationToken cancellationToken) =>
        new AccountService(client).CreateAsync(new AccountCreateOptions
        {
            Type = "express",
            Country = "IT",
            Email = email,
            BusinessType = "company",
            BusinessProfile = new AccountBusinessProfileOptions { Name = legalName },
            Capabilities = new AccountCapabilitiesOptions { Transfers = new AccountCapabilitiesTransfersOptions { Requested = true } },
            Metadata = new() { ["providerId"] = providerId.ToString() },
        }, new RequestOptions { IdempotencyKey = $"account:{providerId}" }, cancellationToken);

    public Task<AccountLink> OnboardingLinkAsync(string accountId, Uri refreshUrl, Uri returnUrl, CancellationToken cancellationToken) =>
        new AccountLinkService(client).CreateAsync(new AccountLinkCreateOptions
        {
            Account = accountId,
            RefreshUrl = refreshUrl.ToString(),
            ReturnUrl = returnUrl.ToString(),
            Type = "account_onboarding",
        }, cancellationToken: cancellationToken);

    private static RequestOptions Keyed(PaymentInstructionRecord instruction) => new() { IdempotencyKey = instruction.IdempotencyKey };

    private static Dictionary<string, string> Metadata(PaymentInstructionRecord instruction) => new()
    {
        ["instruction"] = instruction.Id.ToString(),
        ["orderId"] = instruction.OrderId.ToString(),
        ["period"] = instruction.Period,
        ["kind"] = instruction.Kind,
    };
}
