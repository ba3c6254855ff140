using Microsoft.EntityFrameworkCore;
using Will.Marketplace.Infrastructure.Persistence;

namespace Will.Marketplace.Web.Tests;

/// <summary>The same app on a real PostgreSQL server: migrations apply, placements are durable there.</summary>
public sealed class PostgreSqlAppTests
{
    private PostgresServer _server = null!;
    private MarketplaceAppFactory _app = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _server = await PostgresServer.StartAsync();
        _app = new MarketplaceAppFactory(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["Database:ConnectionString"] = await _server.CreateDatabaseAsync("app"),
            ["Demo:Enabled"] = "true",
        });
        using var client = _app.CreateClient();
        (await client.GetAsync("/health/ready")).EnsureSuccessStatusCode();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _app.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task Create_OnPostgreSql_PersistsThePoolAndItsMembersBeforeAnswering()
    {
        using var first = await _app.ClientFor(Samples.Family(1));
        using var second = await _app.ClientFor(Samples.Family(2));

        var a = await (await first.PostAsJsonAsync("/api/v1/requests", Samples.AfterSchool("6-10"))).Content.ReadFromJsonAsync<Created>();
        var b = await (await second.PostAsJsonAsync("/api/v1/requests", Samples.AfterSchool("6-10", 0.002))).Content.ReadFromJsonAsync<Created>();
        await using var db = await _app.Service<IDbContextFactory<MarketplaceDbContext>>().CreateDbContextAsync();
        var pool = await db.Pools.Include(p => p.Members).SingleAsync(p => p.Id == a!.Pool.Id);

        Assert.That(db.Database.ProviderName, Does.Contain("Npgsql"));
        Assert.That(b!.Pool.Id, Is.EqualTo(a!.Pool.Id));
        Assert.That(pool.MemberCount, Is.EqualTo(2));
        Assert.That(pool.Members.Select(m => m.RequestId), Is.EquivalentTo(new[] { a.Request.Id, b.Request.Id }));
        Assert.That(pool.Version, Is.EqualTo(2));
    }

    [Test]
    public async Task Billing_OnPostgreSql_GrantsSettlesLeavesAndBalances()
    {
        var order = (await MoneySeed.OrdersAsync(_app, "016024", "bergamo.demo", "home-care-elderly", [[4, 5, 6]]))[0];
        await MoneySeed.VerifiedIseeAsync(_app, new Dictionary<Guid, long> { [order.Families[0]] = 500_000 });
        using var staff = await _app.ClientFor("staff@bergamo.demo");
        using var family = await _app.ClientFor(order.FamilyEmails[1]);
        await Money.MoneyArrange.CreateProgrammeAsync(staff, Money.MoneyArrange.Programme("home-care-elderly", 1_000_000));

        var run = await Money.MoneyArrange.BillAsync(staff, MoneySeed.CurrentPeriod);
        var programmes = await staff.GetFromJsonAsync<System.Text.Json.JsonElement[]>("/api/v1/subsidies/programmes");
        var csv = await staff.GetAsync($"/api/v1/subsidies/obligations.csv?period={MoneySeed.CurrentPeriod}");
        var leave = await family.PostAsJsonAsync($"/api/v1/pools/{order.PoolId}/order/leave", new { lastDay = MoneySeed.Today });
        var ledger = await staff.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/orders/{order.OrderId}/ledger");

        Assert.That(run.GetProperty("ordersBilled").GetInt32(), Is.EqualTo(1));
        Assert.That(programmes!.Sum(p => p.GetProperty("committedCents").GetInt64()), Is.GreaterThan(0));
        Assert.That(csv.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(leave.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(ledger.GetProperty("balanced").GetBoolean(), Is.True);
        Assert.That(ledger.GetProperty("entries").GetArrayLength(), Is.GreaterThan(6));
    }
}
