using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stripe;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Web.Tests.Stripe;

namespace Will.Marketplace.Web.Tests.Money;

/// <summary>
/// Billing through the real Stripe.net client against the local Stripe emulator: separate charges
/// and transfers, one transfer group per order, faults on every call, a member leaving mid-month.
/// </summary>
public sealed class StripePaymentsTests
{
    private const string Padova = "028060";
    private StripeEmulator _stripe = null!;
    private MarketplaceAppFactory _app = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _stripe = await StripeEmulator.StartAsync();
        _stripe.TimeoutDelay = TimeSpan.FromSeconds(2.5);
        _app = new MarketplaceAppFactory(new Dictionary<string, string?>
        {
            ["Stripe:SecretKey"] = "sk_test_emulator",
            ["Stripe:PublishableKey"] = "pk_test_emulator",
            ["Stripe:ApiBase"] = _stripe.BaseAddress.ToString(),
            ["Stripe:TimeoutSeconds"] = "1",
            ["Stripe:MaxNetworkRetries"] = "2",
        });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _app.DisposeAsync();
        await _stripe.DisposeAsync();
    }

    [Test]
    public async Task Bill_WithStripe_ChargesEachFamilyOnceAndTransfersTheRestLessHoldbackInTheOrdersGroup()
    {
        var order = (await MoneySeed.OrdersAsync(_app, Padova, "padova.demo", "after-school", [[1, 2, 3]], withPaymentMethods: true, providerOnboarded: true))[0];
        using var staff = await _app.ClientFor("staff@padova.demo");

        await MoneyArrange.BillAsync(staff, MoneySeed.CurrentPeriod);

        var intents = Created("payment_intent", order.OrderId);
        var transfers = Created("transfer", order.OrderId);
        var payments = await MoneyArrange.PaymentsAsync(_app, order.OrderId);
        var charges = payments.Where(p => p.Kind == "charge").ToList();
        Assert.That(intents, Has.Count.EqualTo(3));
        Assert.That(charges.Select(c => c.IdempotencyKey), Is.EquivalentTo(order.Families.Select(f => $"charge:{order.OrderId}:{f}:{MoneySeed.CurrentPeriod}:r0")));
        Assert.That(charges.Select(c => c.Status), Is.All.EqualTo("succeeded"));
        Assert.That(intents.Select(i => i.GetProperty("transfer_group").GetString()), Is.All.EqualTo($"order_{order.OrderId:N}"));
        Assert.That(transfers, Has.Count.EqualTo(1));
        var held = (await MoneyArrange.LedgerAsync(_app, order.OrderId)).Balances[$"Holdback:{order.OrderId}"];
        Assert.That(transfers[0].GetProperty("amount").GetInt64(), Is.EqualTo(charges.Sum(c => c.AmountCents) + held), "the card payments less the holdback");
        Assert.That(transfers[0].GetProperty("transfer_group").GetString(), Is.EqualTo($"order_{order.OrderId:N}"));
        var (entries, balances) = await MoneyArrange.LedgerAsync(_app, order.OrderId);
        Assert.That(entries.GroupBy(e => e.PostingId).All(p => p.Sum(e => e.AmountCents) == 0));
        Assert.That(order.Families.Select(f => balances.GetValueOrDefault($"FamilyReceivable:{f}")), Is.All.Zero);
        Assert.That(balances["PlatformCash:"], Is.EqualTo(-held));
    }

    [TestCase("/v1/payment_intents", 500, 409)]
    [TestCase("/v1/payment_intents", 0)]
    [TestCase("/v1/transfers", 500, 409)]
    [TestCase("/v1/transfers", 0)]
    public async Task Payments_WhenStripeFailsOrTimesOut_RetryUnderTheSameKeyAndPayOnce(string path, params int[] faults)
    {
        var order = (await MoneySeed.OrdersAsync(_app, Padova, "padova.demo", "nanny-share", [[4, 5]], withPaymentMethods: true, providerOnboarded: true))[0];
        using var staff = await _app.ClientFor("staff@padova.demo");
        _stripe.FailNextOn(path, faults);

        await MoneyArrange.BillAsync(staff, MoneySeed.CurrentPeriod);
        var payments = await MoneyArrange.PaymentsAsync(_app, order.OrderId);
        if (payments.Any(p => p.Status == "pending"))
        {
            // The answer never came: the next pass sends the same request under the same key.
            await MoneyArrange.BillAsync(staff, MoneySeed.CurrentPeriod);
            payments = await MoneyArrange.PaymentsAsync(_app, order.OrderId);
        }

        var type = path == "/v1/transfers" ? "transfer" : "payment_intent";
        var faulted = payments.First(p => p.Kind == (type == "transfer" ? "transfer" : "charge"));
        Assert.That(_stripe.Calls.Count(c => c.IdempotencyKey == faulted.IdempotencyKey), Is.GreaterThan(1), "the call was sent again");
        Assert.That(_stripe.Calls.Where(c => c.IdempotencyKey == faulted.IdempotencyKey).Select(c => c.Path).Distinct(), Is.EqualTo(new[] { path }));
        Assert.That(Created(type, order.OrderId).Count(o => o.GetProperty("metadata").GetProperty("instruction").GetString() == faulted.Id.ToString()), Is.EqualTo(1), "one payment");
        Assert.That(payments.Select(p => p.Status), Is.All.EqualTo("succeeded"));
        var (entries, _) = await MoneyArrange.LedgerAsync(_app, order.OrderId);
        Assert.That(entries.Count(e => e.Reference == faulted.IdempotencyKey && e.AmountCents > 0), Is.EqualTo(1), "posted once");
    }

    [Test]
    public async Task Leave_MidMonthFromASharedWorker_RefundsTheLeaverReversesTheProvidersPartAndSplitsAgain()
    {
        var order = (await MoneySeed.OrdersAsync(_app, Padova, "padova.demo", "home-care-elderly", [[1, 4, 6]], withPaymentMethods: true, providerOnboarded: true))[0];
        using var staff = await _app.ClientFor("staff@padova.demo");
        using var leaver = await _app.ClientFor(order.FamilyEmails[0]);
        var periods = await BillThisMonthAndNextWhenAllowedAsync(staff);
        _stripe.FailNextOn("/v1/refunds", 500);

        var leave = await leaver.PostAsJsonAsync($"/api/v1/pools/{order.PoolId}/order/leave", new { lastDay = MoneySeed.Today });
        var again = await leaver.PostAsJsonAsync($"/api/v1/pools/{order.PoolId}/order/leave", new { lastDay = MoneySeed.Today });

        Assert.That(leave.StatusCode, Is.EqualTo(HttpStatusCode.OK), await leave.Content.ReadAsStringAsync());
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        var payments = await MoneyArrange.PaymentsAsync(_app, order.OrderId);
        var refunds = payments.Where(p => p.Kind == "refund").ToList();
        var reversals = payments.Where(p => p.Kind == "reversal").ToList();
        Assert.That(refunds, Is.Not.Empty);
        var leaverRefund = refunds.Where(r => r.FamilyId == order.Families[0]).Sum(r => r.AmountCents);
        Assert.That(leaverRefund, Is.GreaterThan(100), "the leaver gets back what it prepaid beyond its last day");
        Assert.That(payments.Where(p => p.Revision > 0 && p.FamilyId != order.Families[0] && p.FamilyId != null).Select(p => p.AmountCents), Is.All.LessThanOrEqualTo(1),
            "the others' shares are split again, moving by a rounding cent at most (their own hours are unchanged)");
        Assert.That(refunds.Concat(reversals).Select(p => p.Status), Is.All.EqualTo("succeeded"));
        Assert.That(reversals, Is.Not.Empty, "the provider gives back the part it no longer earns");
        Assert.That(Created("refund", order.OrderId).Sum(r => r.GetProperty("amount").GetInt64()), Is.EqualTo(refunds.Sum(r => r.AmountCents)));
        Assert.That(Created("transfer_reversal", order.OrderId).Sum(r => r.GetProperty("amount").GetInt64()), Is.EqualTo(reversals.Sum(r => r.AmountCents)));

        await using var db = await _app.Service<IDbContextFactory<MarketplaceDbContext>>().CreateDbContextAsync();
        foreach (var period in periods)
        {
            var bills = await db.Bills.AsNoTracking().Where(b => b.OrderId == order.OrderId && b.Period == period).OrderBy(b => b.Revision).ToListAsync();
            var latest = Infrastructure.Billing.ProgrammeJson.Shares(bills[^1].Shares);
            Assert.That(latest.Sum(s => s.ShareCents), Is.EqualTo(bills[^1].GrossCents), "the new split adds up to the new gross");
            Assert.That(bills[^1].GrossCents, Is.LessThan(bills[0].GrossCents), "the leaver's hours are no longer billed");
        }

        var (entries, balances) = await MoneyArrange.LedgerAsync(_app, order.OrderId);
        Assert.That(entries.GroupBy(e => e.PostingId).All(p => p.Sum(e => e.AmountCents) == 0));
        Assert.That(order.Families.Select(f => balances.GetValueOrDefault($"FamilyReceivable:{f}")), Is.All.Zero, "paid and refunded exactly");
        Assert.That(balances["PlatformCash:"], Is.EqualTo(-balances[$"Holdback:{order.OrderId}"]), "the platform holds the holdback only");
    }

    [Test]
    public async Task Leave_FromAGroup_ChargesTheOthersWhatTheLeaverIsRefunded()
    {
        var order = (await MoneySeed.OrdersAsync(_app, Padova, "padova.demo", "after-school", [[2, 3, 5]], holdbackPercent: 0, withPaymentMethods: true, providerOnboarded: true))[0];
        using var staff = await _app.ClientFor("staff@padova.demo");
        using var leaver = await _app.ClientFor(order.FamilyEmails[1]);
        await BillThisMonthAndNextWhenAllowedAsync(staff);

        var leave = await leaver.PostAsJsonAsync($"/api/v1/pools/{order.PoolId}/order/leave", new { lastDay = MoneySeed.Today });

        Assert.That(leave.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var later = (await MoneyArrange.PaymentsAsync(_app, order.OrderId)).Where(p => p.Revision > 0).ToList();
        var refunded = later.Where(p => p.Kind == "refund").Sum(p => p.AmountCents);
        var charged = later.Where(p => p.Kind == "charge").Sum(p => p.AmountCents);
        Assert.That(refunded, Is.GreaterThan(0));
        Assert.That(charged, Is.EqualTo(refunded), "the group still ran: the others pay the leaver's unused part");
        Assert.That(later.Where(p => p.Kind == "charge").Select(p => p.FamilyId), Has.None.EqualTo(order.Families[1]));
        Assert.That(later.Where(p => p.Kind is "reversal" or "transfer"), Is.Empty, "the provider's pay is unchanged");
    }

    [Test]
    public async Task Reversal_WhenStripeRefusesIt_OpensAReconciliationItemForStaff()
    {
        var order = (await MoneySeed.OrdersAsync(_app, Padova, "padova.demo", "home-help", [[2, 5, 6]], withPaymentMethods: true, providerOnboarded: true))[0];
        using var staff = await _app.ClientFor("staff@padova.demo");
        using var leaver = await _app.ClientFor(order.FamilyEmails[2]);
        await BillThisMonthAndNextWhenAllowedAsync(staff);
        _stripe.RefuseReversals = true;
        try
        {
            (await leaver.PostAsJsonAsync($"/api/v1/pools/{order.PoolId}/order/leave", new { lastDay = MoneySeed.Today })).EnsureSuccessStatusCode();
        }
        finally
        {
            _stripe.RefuseReversals = false;
        }

        var reversals = (await MoneyArrange.PaymentsAsync(_app, order.OrderId)).Where(p => p.Kind == "reversal").ToList();
        var items = (await staff.GetFromJsonAsync<JsonElement[]>("/api/v1/reconciliation"))!
            .Where(i => i.GetProperty("orderId").GetGuid() == order.OrderId && i.GetProperty("kind").GetString() == "reversal-refused").ToList();
        Assert.That(reversals.Select(r => r.Status), Is.Not.Empty.And.All.EqualTo("refused"));
        Assert.That(items.Select(i => i.GetProperty("amountCents").GetInt64()), Is.EquivalentTo(reversals.Select(r => r.AmountCents)), "one item per refused reversal");
        var (reversal, item) = (reversals[0], items.Single(i => i.GetProperty("amountCents").GetInt64() == reversals[0].AmountCents && i.GetProperty("detail").GetString()!.Contains(reversals[0].Period, StringComparison.Ordinal)));
        Assert.That((await staff.PostAsync($"/api/v1/reconciliation/{item.GetProperty("id").GetGuid()}/resolve", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await staff.PostAsync($"/api/v1/payments/{reversal.Id}/settle", null)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "recovered from the provider by hand");
    }

    [Test]
    public async Task Onboarding_AndSavingACard_GoThroughStripeAndWebhooksKeepTheirStatus()
    {
        using var provider = await _app.ClientFor("provider.2@padova.demo");
        using var family = await _app.ClientFor("family.3@padova.demo");
        using var webhooks = _app.CreateClient();

        var link = await provider.PostAsync("/api/v1/providers/me/payouts/onboarding", null);
        var setup = await family.PostAsync("/api/v1/payment-method/setup", null);
        Assert.That(link.StatusCode, Is.EqualTo(HttpStatusCode.OK), await link.Content.ReadAsStringAsync());
        Assert.That(setup.StatusCode, Is.EqualTo(HttpStatusCode.OK), await setup.Content.ReadAsStringAsync());
        Assert.That((await link.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString(), Does.StartWith("https://connect.stripe.com/"));
        var secret = (await setup.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clientSecret").GetString()!;
        var intent = _stripe.OfType("setup_intent").Single(s => secret.StartsWith(s.GetProperty("id").GetString()!, StringComparison.Ordinal));
        var account = _stripe.OfType("account").Last();

        await Deliver(webhooks, "account.updated", $"{{\"id\":\"{account.GetProperty("id").GetString()}\",\"object\":\"account\",\"details_submitted\":true,\"payouts_enabled\":true}}");
        await Deliver(webhooks, "setup_intent.succeeded",
            $"{{\"id\":\"{intent.GetProperty("id").GetString()}\",\"object\":\"setup_intent\",\"status\":\"succeeded\",\"payment_method\":\"pm_card_emu\",\"metadata\":{{\"familyId\":\"{intent.GetProperty("metadata").GetProperty("familyId").GetString()}\"}}}}");

        var payouts = await provider.GetFromJsonAsync<JsonElement>("/api/v1/providers/me/payouts");
        var method = await family.GetFromJsonAsync<JsonElement>("/api/v1/payment-method");
        Assert.That(payouts.GetProperty("payoutsEnabled").GetBoolean(), Is.True);
        Assert.That(method.GetProperty("saved").GetBoolean(), Is.True);
        Assert.That(_stripe.Calls.Where(c => c.Path == "/v1/customers").Select(c => c.IdempotencyKey), Has.All.StartWith("customer:"));
    }

    public static async Task Deliver(HttpClient client, string type, string objectJson)
    {
        var payload = $"{{\"id\":\"evt_{Guid.NewGuid():N}\",\"object\":\"event\",\"api_version\":\"2025-01-27.acacia\",\"created\":{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}," +
            $"\"livemode\":false,\"pending_webhooks\":1,\"type\":\"{type}\",\"data\":{{\"object\":{objectJson}}}}}";
        var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks/stripe") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        message.Headers.Add("Stripe-Signature", EventUtility.GenerateSignatureHeader(payload, MarketplaceAppFactory.WebhookSecret, DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        Assert.That((await client.SendAsync(message)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    /// <summary>This month, and next month too in a month's last week, so that leaving today always leaves days already paid for.</summary>
    private static async Task<IReadOnlyList<string>> BillThisMonthAndNextWhenAllowedAsync(HttpClient staff)
    {
        var periods = new List<string> { MoneySeed.CurrentPeriod };
        await MoneyArrange.BillAsync(staff, MoneySeed.CurrentPeriod);
        var today = MoneySeed.Today;
        if (today >= MoneySeed.FirstOfMonth.AddMonths(1).AddDays(-7))
        {
            var next = MoneySeed.FirstOfMonth.AddMonths(1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            await MoneyArrange.BillAsync(staff, next);
            periods.Add(next);
        }

        return today == MoneySeed.FirstOfMonth.AddMonths(1).AddDays(-1) ? periods.Skip(1).ToList() : periods;
    }

    private List<JsonElement> Created(string type, Guid orderId) =>
        [.. _stripe.OfType(type).Where(o => o.GetProperty("metadata").TryGetProperty("orderId", out var id) && id.GetString() == orderId.ToString())];
}
