using System.Text.Json;
using Will.Marketplace.Domain.Billing;
using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Common;

namespace Will.Marketplace.Web.Tests.Money;

/// <summary>Without Stripe keys, the same bills record obligations in the ledger that staff settle by hand.</summary>
public sealed class ManualSettlementTests
{
    private const string Rovigo = "029041";
    private MarketplaceAppFactory _app = null!;

    [OneTimeSetUp]
    public void Start() => _app = new MarketplaceAppFactory();

    [OneTimeTearDown]
    public async Task Stop() => await _app.DisposeAsync();

    [Test]
    public async Task Bill_WithoutStripeKeys_RecordsObligationsThatStaffSettleAndTheLedgerBalances()
    {
        var order = (await MoneySeed.OrdersAsync(_app, Rovigo, "rovigo.demo", "after-school", [[1, 2, 3]]))[0];
        var (low, mid, none) = (order.Families[0], order.Families[1], order.Families[2]);
        await MoneySeed.VerifiedIseeAsync(_app, new Dictionary<Guid, long> { [low] = 800_000, [mid] = 1_200_000 });
        using var staff = await _app.ClientFor("staff@rovigo.demo");
        var programme = await MoneyArrange.CreateProgrammeAsync(staff, MoneyArrange.Programme("after-school", 1_000_000, coverage: 50, capCents: 20_000));

        var run = await MoneyArrange.BillAsync(staff, MoneySeed.CurrentPeriod);
        var again = await MoneyArrange.BillAsync(staff, MoneySeed.CurrentPeriod);

        // The figures the domain gives for the same inputs: 180 minutes a week each, from the 1st.
        var month = BillingMonth.Of(MoneySeed.Today);
        var rule = new SubsidyRule(50, 20_000);
        var expected = PeriodBilling.Bill(new OrderTerms(order.OrderId, PoolingMode.Group, 30_000, 360, MoneySeed.FirstOfMonth, 10),
            [new(low, 360, MoneySeed.FirstOfMonth, null, rule), new(mid, 360, MoneySeed.FirstOfMonth, null, rule), new(none, 360, MoneySeed.FirstOfMonth, null, null)], month)!;
        Assert.That(run.GetProperty("ordersBilled").GetInt32(), Is.EqualTo(1));
        Assert.That(run.GetProperty("grossCents").GetInt64(), Is.EqualTo(expected.Gross.Cents));
        Assert.That(again.GetProperty("ordersBilled").GetInt32(), Is.Zero, "a month is billed once");

        using var family = await _app.ClientFor(order.FamilyEmails[0]);
        var bill = (await family.GetFromJsonAsync<JsonElement[]>("/api/v1/bills/mine"))!.Single(b => b.GetProperty("orderId").GetGuid() == order.OrderId);
        var mine = expected.For(low)!;
        Assert.That(bill.GetProperty("shareCents").GetInt64(), Is.EqualTo(mine.Share.Cents));
        Assert.That(bill.GetProperty("subsidyCents").GetInt64(), Is.EqualTo(Math.Min(mine.Share.Cents / 2, 20_000)).And.EqualTo(mine.Subsidy.Cents));
        Assert.That(bill.GetProperty("familyPaysCents").GetInt64(), Is.EqualTo(mine.FamilyPays.Cents));
        Assert.That(bill.GetProperty("paymentStatus").GetString(), Is.EqualTo("to-pay-by-transfer"));

        // Staff record each payment made by bank transfer, once.
        var manual = (await staff.GetFromJsonAsync<JsonElement[]>("/api/v1/payments?status=manual"))!.Where(p => p.GetProperty("orderId").GetGuid() == order.OrderId).ToList();
        Assert.That(manual.Select(p => p.GetProperty("kind").GetString()), Is.EquivalentTo(new[] { "charge", "charge", "charge", "transfer" }));
        Assert.That(manual.Single(p => p.GetProperty("kind").GetString() == "transfer").GetProperty("amountCents").GetInt64(), Is.EqualTo(expected.Transfer.Cents));
        foreach (var payment in manual)
        {
            Assert.That((await staff.PostAsync($"/api/v1/payments/{payment.GetProperty("id").GetGuid()}/settle", null)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var twice = await staff.PostAsync($"/api/v1/payments/{manual[0].GetProperty("id").GetGuid()}/settle", null);
        Assert.That(twice.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));

        var (entries, balances) = await MoneyArrange.LedgerAsync(_app, order.OrderId);
        Assert.That(entries.GroupBy(e => e.PostingId).All(p => p.Sum(e => e.AmountCents) == 0), "every posting balances");
        Assert.That(order.Families.Select(f => balances.GetValueOrDefault($"FamilyReceivable:{f}")), Is.All.Zero, "every family has paid");
        Assert.That(balances[$"ProviderPayable:{order.ProviderId}"], Is.EqualTo(-expected.SubsidyTotal.Cents), "the provider is still owed the subsidies");
        Assert.That(balances[$"MunicipalityReceivable:{Rovigo}"], Is.EqualTo(expected.SubsidyTotal.Cents));
        Assert.That(balances["PlatformCash:"], Is.EqualTo(expected.Holdback.Cents), "the platform holds the holdback only");

        // The treasury settles the month's subsidy obligations from the export.
        var csv = await staff.GetStringAsync($"/api/v1/subsidies/obligations.csv?period={MoneySeed.CurrentPeriod}");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.That(lines[0], Does.StartWith("period,order_id,family_id,provider,provider_vat,subsidy_cents,subsidy_eur"));
        Assert.That(lines.Skip(1).Where(l => l.Contains(order.OrderId.ToString(), StringComparison.Ordinal)).Select(l => long.Parse(l.Split(',')[5], System.Globalization.CultureInfo.InvariantCulture)),
            Is.EquivalentTo(new[] { expected.For(low)!.Subsidy.Cents, expected.For(mid)!.Subsidy.Cents }));
        var settled = await staff.PostAsJsonAsync("/api/v1/subsidies/obligations/settle", new { period = MoneySeed.CurrentPeriod, reference = "RF18000000000000000000001" });
        Assert.That((await settled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("amountCents").GetInt64(), Is.EqualTo(expected.SubsidyTotal.Cents));

        (_, balances) = await MoneyArrange.LedgerAsync(_app, order.OrderId);
        Assert.That(balances[$"ProviderPayable:{order.ProviderId}"], Is.Zero);
        Assert.That(balances[$"MunicipalityReceivable:{Rovigo}"], Is.Zero);
        var programmes = await staff.GetFromJsonAsync<JsonElement[]>("/api/v1/subsidies/programmes");
        var view = programmes!.Single(p => p.GetProperty("id").GetGuid() == programme);
        Assert.That((view.GetProperty("committedCents").GetInt64(), view.GetProperty("spentCents").GetInt64(), view.GetProperty("remainingCents").GetInt64()),
            Is.EqualTo((0L, expected.SubsidyTotal.Cents, 1_000_000 - expected.SubsidyTotal.Cents)));
        var shrink = await staff.PutAsJsonAsync($"/api/v1/subsidies/programmes/{programme}/budget", new { budgetCents = expected.SubsidyTotal.Cents - 1 });
        Assert.That(shrink.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "a budget never goes below what it granted");
    }

    [Test]
    public async Task Budget_WhenMonthsAreBilledConcurrently_IsNeverOverspentAndGoesToTheLowestIseeFirst()
    {
        const long budget = 150_000;
        var start = MoneySeed.FirstOfMonth.AddMonths(-2);
        var triples = Enumerable.Range(0, 12).Select(i => new[] { 1 + (i % 6), 1 + ((i + 2) % 6), 1 + ((i + 4) % 6) }).ToList();
        var orders = await MoneySeed.OrdersAsync(_app, "039014", "ravenna.demo", "home-help", triples, startsOn: start);
        var families = orders.SelectMany(o => o.Families).Distinct().ToList();
        await MoneySeed.VerifiedIseeAsync(_app, families.Select((f, i) => (f, 100_000L * (i + 1))).ToDictionary(x => x.f, x => x.Item2));
        using var staff = await _app.ClientFor("staff@ravenna.demo");
        var programme = await MoneyArrange.CreateProgrammeAsync(staff, MoneyArrange.Programme("home-help", budget, coverage: 50, capCents: 20_000));
        var periods = Enumerable.Range(0, 3).Select(i => start.AddMonths(i).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var runs = await Task.WhenAll(periods.SelectMany(p => Enumerable.Repeat(p, 3)).Select(async p =>
            (await staff.PostAsJsonAsync("/api/v1/billing/runs", new { period = p })).StatusCode));

        Assert.That(runs, Is.All.EqualTo(HttpStatusCode.OK));
        await using var db = await _app.Service<Microsoft.EntityFrameworkCore.IDbContextFactory<Infrastructure.Persistence.MarketplaceDbContext>>().CreateDbContextAsync();
        var orderIds = orders.Select(o => o.OrderId).ToList();
        var grants = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.SubsidyGrants.Where(g => g.ProgrammeId == programme));
        var bills = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Bills.Where(b => orderIds.Contains(b.OrderId)));
        Assert.That(bills, Is.EqualTo(orders.Count * periods.Count), "each order billed once a month");
        Assert.That(grants.Sum(g => g.GrantedCents), Is.EqualTo(budget), "the whole budget and not a cent more");
        Assert.That(grants.Where(g => g.ShortOfBudget), Is.Not.Empty);
        foreach (var period in grants.GroupBy(g => g.Period))
        {
            var full = period.Where(g => !g.ShortOfBudget).Select(g => g.IseeCents).DefaultIfEmpty(0).Max();
            var shortOnes = period.Where(g => g.ShortOfBudget).Select(g => g.IseeCents).DefaultIfEmpty(long.MaxValue).Min();
            Assert.That(full, Is.LessThanOrEqualTo(shortOnes), $"{period.Key}: lowest ISEE first");
        }

        var shortFamily = grants.First(g => g.ShortOfBudget);
        using var told = await _app.ClientFor(orders.First(o => o.Families.Contains(shortFamily.FamilyId)).FamilyEmails[orders.First(o => o.Families.Contains(shortFamily.FamilyId)).Families.ToList().IndexOf(shortFamily.FamilyId)]);
        var mine = await told.GetFromJsonAsync<System.Text.Json.JsonElement[]>("/api/v1/bills/mine");
        Assert.That(mine!.Any(b => b.GetProperty("orderId").GetGuid() == shortFamily.OrderId && b.GetProperty("period").GetString() == shortFamily.Period && b.GetProperty("shortOfBudget").GetBoolean()), "the family is told");
    }

    [Test]
    public async Task Isee_DeclaredByTheFamily_CountsOnlyOnceStaffOfItsMunicipalityVerifyIt()
    {
        using var family = await _app.ClientFor("family.5@rovigo.demo");
        using var staff = await _app.ClientFor("staff@rovigo.demo");
        using var otherStaff = await _app.ClientFor("staff@parma.demo");

        var declared = await family.PutAsJsonAsync("/api/v1/isee", new { iseeCents = 950_000, expiresOn = MoneySeed.Today.AddMonths(6), dsuProtocol = "INPS-ISEE-2026-00001234X-00" });
        var list = await staff.GetFromJsonAsync<JsonElement[]>("/api/v1/isee-declarations");
        var familyId = list!.Single(d => d.GetProperty("dsuProtocol").GetString() == "INPS-ISEE-2026-00001234X-00").GetProperty("familyId").GetGuid();
        var elsewhere = await otherStaff.PostAsync($"/api/v1/isee-declarations/{familyId}/verify", null);
        var verified = await staff.PostAsync($"/api/v1/isee-declarations/{familyId}/verify", null);
        var mine = await family.GetFromJsonAsync<JsonElement>("/api/v1/isee");

        Assert.That(declared.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(elsewhere.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "another municipality's staff cannot see the family");
        Assert.That(verified.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(mine.GetProperty("verified").GetBoolean(), Is.True);
    }

    [Test]
    public async Task BadInput_IsRefusedWithProblemDetailsNamingTheFieldAndNothingIsSaved()
    {
        using var staff = await _app.ClientFor("staff@rovigo.demo");
        using var family = await _app.ClientFor("family.6@rovigo.demo");

        var programme = await staff.PostAsJsonAsync("/api/v1/subsidies/programmes", new
        {
            name = "", categories = new[] { "no-such-category" }, validFrom = "2027-06-01", validTo = "2027-01-01", budgetCents = 0,
            bands = new[] { new { maxIseeCents = 1_000_000, coveragePercent = 150, monthlyCapCents = -1 } },
        });
        var isee = await family.PutAsJsonAsync("/api/v1/isee", new { iseeCents = -5, expiresOn = "2020-01-01", dsuProtocol = "" });
        var run = await staff.PostAsJsonAsync("/api/v1/billing/runs", new { period = "2026-13" });
        var future = await staff.PostAsJsonAsync("/api/v1/billing/runs", new { period = MoneySeed.Today.AddMonths(3).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) });
        var obligations = await staff.GetAsync("/api/v1/subsidies/obligations.csv?period=may");
        var familyAsStaff = await family.PostAsJsonAsync("/api/v1/billing/runs", new { period = MoneySeed.CurrentPeriod });

        Assert.That(await Fields(programme), Is.SupersetOf(new[] { "name", "categories", "validTo", "budgetCents", "bands[0].coveragePercent", "bands[0].monthlyCapCents" }));
        Assert.That(await Fields(isee), Is.EquivalentTo(new[] { "iseeCents", "expiresOn", "dsuProtocol" }));
        Assert.That(await Fields(run), Is.EquivalentTo(new[] { "period" }));
        Assert.That(await Fields(future), Is.EquivalentTo(new[] { "period" }));
        Assert.That(await Fields(obligations), Is.EquivalentTo(new[] { "period" }));
        Assert.That(familyAsStaff.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await staff.GetFromJsonAsync<JsonElement[]>("/api/v1/subsidies/programmes"))!.Any(p => p.GetProperty("name").GetString() == ""), Is.False);
        Assert.That((await family.GetAsync("/api/v1/isee")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private static async Task<IReadOnlyList<string>> Fields(HttpResponseMessage response)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name)];
    }
}
