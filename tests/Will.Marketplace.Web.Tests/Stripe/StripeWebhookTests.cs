using System.Text;
using Microsoft.EntityFrameworkCore;
using Stripe;
using Will.Marketplace.Infrastructure.Persistence;

namespace Will.Marketplace.Web.Tests.Stripe;

public sealed class StripeWebhookTests
{
    private static string EventJson(string id, string type = "payment_intent.succeeded") =>
        "{\"id\":\"" + id + "\",\"object\":\"event\",\"api_version\":\"2025-01-27.acacia\",\"created\":" + DateTimeOffset.UtcNow.ToUnixTimeSeconds() +
        ",\"livemode\":false,\"pending_webhooks\":1,\"type\":\"" + type + "\"," +
        "\"data\":{\"object\":{\"id\":\"pi_123\",\"object\":\"payment_intent\",\"amount\":1234,\"currency\":\"eur\"}}}";

    private static HttpRequestMessage Signed(string payload, string secret = MarketplaceAppFactory.WebhookSecret, DateTimeOffset? at = null)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks/stripe") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        message.Headers.Add("Stripe-Signature", EventUtility.GenerateSignatureHeader(payload, secret, (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds()));
        return message;
    }

    private static async Task<int> StoredCount(string id)
    {
        await using var db = await AppFixture.App.Service<IDbContextFactory<MarketplaceDbContext>>().CreateDbContextAsync();
        return await db.StripeEvents.CountAsync(e => e.Id == id);
    }

    [Test]
    public async Task Receive_WhenSignedAndRedelivered_StoresTheEventOnce()
    {
        using var client = AppFixture.App.CreateClient();
        var id = $"evt_{Guid.NewGuid():N}";
        var payload = EventJson(id);

        var first = await client.SendAsync(Signed(payload));
        var again = await client.SendAsync(Signed(payload));

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await StoredCount(id), Is.EqualTo(1));
    }

    [Test]
    public async Task Receive_WhenDeliveredConcurrently_StoresTheEventOnce()
    {
        using var client = AppFixture.App.CreateClient();
        var id = $"evt_{Guid.NewGuid():N}";
        var payload = EventJson(id);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.SendAsync(Signed(payload))));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(await StoredCount(id), Is.EqualTo(1));
    }

    [Test]
    public async Task Receive_WhenSignatureIsWrongOrStale_Returns400AndStoresNothing()
    {
        using var client = AppFixture.App.CreateClient();
        var id = $"evt_{Guid.NewGuid():N}";
        var payload = EventJson(id);
        var unsigned = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks/stripe") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };

        var wrongSecret = await client.SendAsync(Signed(payload, "whsec_someone_else"));
        var stale = await client.SendAsync(Signed(payload, at: DateTimeOffset.UtcNow.AddHours(-1)));
        var missing = await client.SendAsync(unsigned);
        var tamperedMessage = Signed(payload);
        tamperedMessage.Content = new StringContent(payload.Replace("1234", "9999", StringComparison.Ordinal), Encoding.UTF8, "application/json");
        var tampered = await client.SendAsync(tamperedMessage);

        Assert.That(new[] { wrongSecret, stale, missing, tampered }.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await StoredCount(id), Is.Zero);
    }
}
