using Microsoft.EntityFrameworkCore;
using Will.Marketplace.Abstractions.Billing;
using Will.Marketplace.Infrastructure.Persistence;

namespace Will.Marketplace.Web.Tests.Money;

/// <summary>The monthly schedule is an Orleans reminder kept in the marketplace database, so it outlives any process.</summary>
public sealed class BillingScheduleTests
{
    [Test]
    public async Task Startup_WithTheScheduleOn_KeepsAnHourlyBillingReminderPerMunicipalityInTheDatabase()
    {
        await using var app = new MarketplaceAppFactory(new Dictionary<string, string?> { ["Billing:Schedule"] = "true" });
        using var client = app.CreateClient();
        (await client.GetAsync("/health/ready")).EnsureSuccessStatusCode();

        await app.Service<IGrainFactory>().GetGrain<IBillingGrain>("016024").EnsureScheduled();

        await using var db = await app.Service<IDbContextFactory<MarketplaceDbContext>>().CreateDbContextAsync();
        var reminders = await db.Reminders.AsNoTracking().Where(r => r.Name == "billing").ToListAsync();
        Assert.That(reminders, Has.Count.EqualTo(10), "one per city, registered once however often it is ensured");
        Assert.That(reminders.Select(r => TimeSpan.FromTicks(r.PeriodTicks)), Is.All.EqualTo(TimeSpan.FromHours(1)));
    }
}
