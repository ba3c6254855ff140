using Microsoft.Extensions.DependencyInjection;
using Stripe;

namespace Will.Marketplace.Web.Tests.Stripe;

/// <summary>The app's registered Stripe.net client, configured from settings, talking HTTP to the emulator.</summary>
public sealed class StripeClientTests
{
    private StripeEmulator _emulator = null!;
    private MarketplaceAppFactory _app = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _emulator = await StripeEmulator.StartAsync();
        _app = new MarketplaceAppFactory(new Dictionary<string, string?>
        {
            ["Stripe:SecretKey"] = "sk_test_emulator",
            ["Stripe:ApiBase"] = _emulator.BaseAddress.ToString(),
            ["Demo:Enabled"] = "false",
        });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _app.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    [Test]
    public async Task CreateCustomer_WhenTheFirstAttemptsFail_RetriesWithTheSameIdempotencyKeyAndCreatesOne()
    {
        var client = _app.Services.GetRequiredService<IStripeClient>();
        var key = $"customer:{Guid.NewGuid()}";
        _emulator.FailNext(500, 409);

        var customer = await new CustomerService(client).CreateAsync(
            new CustomerCreateOptions { Email = "family@example.org", Metadata = new() { ["familyId"] = "f-1" } },
            new RequestOptions { IdempotencyKey = key });
        var replay = await new CustomerService(client).CreateAsync(
            new CustomerCreateOptions { Email = "family@example.org", Metadata = new() { ["familyId"] = "f-1" } },
            new RequestOptions { IdempotencyKey = key });

        var attempts = _emulator.Calls.Where(c => c.IdempotencyKey == key).ToList();
        Assert.That(attempts, Has.Count.EqualTo(4), "two failures, the success, the replay");
        Assert.That(replay.Id, Is.EqualTo(customer.Id));
        Assert.That(_emulator.Customers.Count(c => c.GetProperty("metadata").GetProperty("familyId").GetString() == "f-1"), Is.EqualTo(1));
    }

    [Test]
    public void CreateCustomer_WhenTheKeyIsReusedForOtherParameters_IsRefusedByStripeSemantics()
    {
        var client = _app.Services.GetRequiredService<IStripeClient>();
        var key = $"customer:{Guid.NewGuid()}";
        var service = new CustomerService(client);
        service.Create(new CustomerCreateOptions { Email = "a@example.org" }, new RequestOptions { IdempotencyKey = key });

        var error = Assert.Throws<StripeException>(() => service.Create(new CustomerCreateOptions { Email = "b@example.org" }, new RequestOptions { IdempotencyKey = key }));

        Assert.That(error!.StripeError.Type, Is.EqualTo("idempotency_error"));
    }
}
