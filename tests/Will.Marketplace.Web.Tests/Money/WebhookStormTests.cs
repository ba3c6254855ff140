using System.Text;
using Microsoft.EntityFrameworkCore;
using Stripe;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Web.Tests.Stripe;

namespace Will.Marketplace.Web.Tests.Money;

/// <summary>Payments settled by webhooks: a thousand signed events, one in ten a duplicate, in random order.</summary>
public sealed class WebhookStormTests
{
    private const string Verona = "023091";
    private StripeEmulator _stripe = null!;
    private MarketplaceAppFactory _app = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _stripe = await StripeEmulator.StartAsync();
        _stripe.PaymentIntentStatus = "processing";
        _app = new MarketplaceAppFactory(new Dictionary<string, string?>
        {
            ["Stripe:SecretKey"] = "sk_test_emulator",
            ["Stripe:ApiBase"] = _stripe.BaseAddress.ToString(),
        });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _app.DisposeAsync();
        await _stripe.DisposeAsync();
    }

    [Test]
    public async Task Webhooks_AThousandShuffledWithDuplicates_TakeEffectOnceAndEveryOrderBalances()
    {
        // 300 orders of three families: 900 payments left "processing" by Stripe.
        var triples = Enumerable.Range(0, 300).Select(i => new[] { 1 + (i % 6), 1 + ((i + 1) % 6), 1 + ((i + 3) % 6) }).ToList();
        var orders = await MoneySeed.OrdersAsync(_app, Verona, "verona.demo", "after-school", triples, withPaymentMethods: true, providerOnboarded: true);
        using var staff = await _app.ClientFor("staff@verona.demo");
        await MoneyArrange.BillAsync(staff, MoneySeed.CurrentPeriod);
        var orderIds = orders.Select(o => o.OrderId).ToHashSet();
        var intents = _stripe.OfType("payment_intent").Where(i => orderIds.Contains(Guid.Parse(i.GetProperty("metadata").GetProperty("orderId").GetString()!))).ToList();
        Assert.That(intents, Has.Count.EqualTo(900));

        // One event per payment, one in ten a failure; a hundred of them delivered twice; shuffled.
        var random = new Random(20261125);
        var unique = intents.Select((intent, i) =>
        {
            var failed = i % 10 == 7;
            var json = $"{{\"id\":\"{intent.GetProperty("id").GetString()}\",\"object\":\"payment_intent\",\"amount\":{intent.GetProperty("amount").GetInt64()},\"currency\":\"eur\"," +
                $"\"status\":\"{(failed ? "requires_payment_method" : "succeeded")}\",\"metadata\":{intent.GetProperty("metadata").GetRawText()}" +
                (failed ? ",\"last_payment_error\":{\"type\":\"card_error\",\"code\":\"card_declined\",\"message\":\"Your card was declined.\"}" : "") + "}";
            return (Instruction: Guid.Parse(intent.GetProperty("metadata").GetProperty("instruction").GetString()!), Failed: failed,
                Payload: Event(failed ? "payment_intent.payment_failed" : "payment_intent.succeeded", json));
        }).ToList();
        var deliveries = unique.Concat(unique.OrderBy(_ => random.Next()).Take(100)).OrderBy(_ => random.Next()).ToList();
        Assert.That(deliveries, Has.Count.EqualTo(1_000));

        using var client = _app.CreateClient();
        using var gate = new SemaphoreSlim(8);
        var statuses = await Task.WhenAll(deliveries.Select(async d =>
        {
            await gate.WaitAsync();
            try
            {
                var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks/stripe") { Content = new StringContent(d.Payload, Encoding.UTF8, "application/json") };
                message.Headers.Add("Stripe-Signature", EventUtility.GenerateSignatureHeader(d.Payload, MarketplaceAppFactory.WebhookSecret, DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
                return (await client.SendAsync(message)).StatusCode;
            }
            finally
            {
                gate.Release();
            }
        }));
        await MoneyArrange.BillAsync(staff, MoneySeed.CurrentPeriod);

        Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.OK));
        await using var db = await _app.Service<IDbContextFactory<MarketplaceDbContext>>().CreateDbContextAsync();
        var payments = await db.PaymentInstructions.AsNoTracking().Where(p => orderIds.Contains(p.OrderId)).ToListAsync();
        var entries = await db.LedgerEntries.AsNoTracking().Where(e => e.OrderId != null && orderIds.Contains(e.OrderId.Value)).ToListAsync();
        var failedIds = unique.Where(u => u.Failed).Select(u => u.Instruction).ToHashSet();
        var charges = payments.Where(p => p.Kind == "charge").ToList();

        Assert.That(charges.Where(c => failedIds.Contains(c.Id)).Select(c => c.Status), Is.All.EqualTo("failed"));
        Assert.That(charges.Where(c => !failedIds.Contains(c.Id)).Select(c => c.Status), Is.All.EqualTo("succeeded"));
        var paidTwice = entries.Where(e => e.Movement == "Payment" && e.AccountKind == "FamilyReceivable").GroupBy(e => (e.OrderId, e.AccountOwner)).Where(g => g.Count() > 1);
        Assert.That(paidTwice, Is.Empty, "no family's payment of an order is posted twice");
        Assert.That(entries.Count(e => e.Movement == "Payment" && e.AmountCents > 0), Is.EqualTo(charges.Count - failedIds.Count), "each success posted once");
        Assert.That(await db.ReconciliationItems.CountAsync(r => r.Kind == "payment-failed" && r.OrderId != null && orderIds.Contains(r.OrderId.Value)), Is.EqualTo(failedIds.Count));
        Assert.That(entries.GroupBy(e => e.PostingId).All(p => p.Sum(e => e.AmountCents) == 0), "every posting balances");
        foreach (var order in orders)
        {
            var lines = entries.Where(e => e.OrderId == order.OrderId).ToList();
            var orderCharges = charges.Where(c => c.OrderId == order.OrderId).ToList();
            var unpaid = orderCharges.Where(c => failedIds.Contains(c.Id)).Sum(c => c.AmountCents);
            Assert.That(lines.Sum(e => e.AmountCents), Is.Zero, "the order's ledger balances");
            Assert.That(lines.Where(e => e.AccountKind == "FamilyReceivable").Sum(e => e.AmountCents), Is.EqualTo(unpaid), "families owe exactly their failed payments");
            var transfer = payments.Single(p => p.OrderId == order.OrderId && p.Kind == "transfer");
            Assert.That(transfer.Status, Is.EqualTo(unpaid == 0 ? "succeeded" : "pending"), "the provider is paid once every family has paid");
            var cash = lines.Where(e => e.AccountKind == "PlatformCash").Sum(e => e.AmountCents);
            Assert.That(cash, Is.EqualTo(orderCharges.Sum(c => c.AmountCents) - unpaid - (unpaid == 0 ? transfer.AmountCents : 0)));
        }

        Assert.That(await db.StripeEvents.CountAsync(e => e.Type.StartsWith("payment_intent.")), Is.EqualTo(900));
    }

    private static string Event(string type, string objectJson) =>
        $"{{\"id\":\"evt_{Guid.NewGuid():N}\",\"object\":\"event\",\"api_version\":\"2025-01-27.acacia\",\"created\":{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}," +
        $"\"livemode\":false,\"pending_webhooks\":1,\"type\":\"{type}\",\"data\":{{\"object\":{objectJson}}}}}";
}
