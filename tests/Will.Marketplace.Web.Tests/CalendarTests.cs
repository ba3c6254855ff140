using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Microsoft.EntityFrameworkCore;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Infrastructure.Persistence.Entities;

namespace Will.Marketplace.Web.Tests;

/// <summary>A running order's sessions as an iCalendar file, for a calendar app.</summary>
public sealed class CalendarTests
{
    private const string Mantova = "020030";

    [Test]
    public async Task Get_ForAGroupService_GivesEachFamilyAndTheProviderTheWeeklySessionsInItalianTime()
    {
        var order = (await MoneySeed.OrdersAsync(AppFixture.App, Mantova, "mantova.demo", "after-school", [[3, 4]], startsOn: MoneySeed.Today.AddDays(10)))[0];
        var path = $"/api/v1/pools/{order.PoolId}/order/calendar.ics";
        using var family = await AppFixture.App.ClientFor(Samples.Family(3, "mantova"));
        using var provider = await AppFixture.App.ClientFor("provider.1@mantova.demo");

        var response = await family.GetAsync(path);
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var forProvider = Calendar.Load(await provider.GetStringAsync(path))!;

        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/calendar"));
        Assert.That(response.Content.Headers.ContentDisposition!.FileName, Is.EqualTo("servizio.ics"));
        // "mon 15:00-18:00;wed 15:00-18:00": two weekly events, each first on its weekday on or after the start.
        AssertWeekly(calendar, MoneySeed.Today.AddDays(10), (DayOfWeek.Monday, 15, 18), (DayOfWeek.Wednesday, 15, 18));
        AssertWeekly(forProvider, MoneySeed.Today.AddDays(10), (DayOfWeek.Monday, 15, 18), (DayOfWeek.Wednesday, 15, 18));
        Assert.That(calendar.Events.Select(e => e.Summary), Is.All.StartsWith("Doposcuola · Cooperativa Sociale Aurora"));
        Assert.That(calendar.TimeZones.Select(z => z.TzId), Is.EqualTo(new[] { "Europe/Rome" }));
        // A link the browser follows by itself cannot send the language the person chose: it says it in the query.
        var english = await provider.GetAsync($"{path}?ui-culture=en");
        Assert.That(english.Content.Headers.ContentDisposition!.FileName, Is.EqualTo("service.ics"));
        Assert.That(Calendar.Load(await english.Content.ReadAsStringAsync())!.Events.Select(e => e.Summary), Is.All.StartsWith("After-school care · "));
    }

    [Test]
    public async Task Get_WhenOneWorkerSharesItsWeek_AFamilyGetsOnlyItsOwnVisits_FromTheDayItJoined()
    {
        var order = (await MoneySeed.OrdersAsync(AppFixture.App, Mantova, "mantova.demo", "home-care-elderly", [[6, 4]], startsOn: MoneySeed.Today.AddDays(3)))[0];
        await using (var db = await AppFixture.App.Service<IDbContextFactory<MarketplaceDbContext>>().CreateDbContextAsync())
        {
            // Family 6 is visited on Tuesday mornings and joined a week later; the worker's week holds both households.
            var own = await db.Set<OrderMemberRecord>().SingleAsync(m => m.OrderId == order.OrderId && m.FamilyId == order.Families[0]);
            own.JoinedOn = MoneySeed.Today.AddDays(10);
            await db.Requests.Where(r => r.Id == own.RequestId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Schedule, "tue 09:00-11:00"));
            await db.Orders.Where(o => o.Id == order.OrderId).ExecuteUpdateAsync(s => s.SetProperty(o => o.Schedule, "mon 15:00-18:00;tue 09:00-11:00;wed 15:00-18:00"));
            await db.SaveChangesAsync();
        }

        var path = $"/api/v1/pools/{order.PoolId}/order/calendar.ics";
        using var family = await AppFixture.App.ClientFor(Samples.Family(6, "mantova"));
        using var other = await AppFixture.App.ClientFor(Samples.Family(4, "mantova"));
        using var provider = await AppFixture.App.ClientFor("provider.1@mantova.demo");
        using var elsewhere = await AppFixture.App.ClientFor("provider.1@verona.demo");
        using var stranger = await AppFixture.App.ClientFor(Samples.Family(5, "mantova"));

        AssertWeekly(Calendar.Load(await family.GetStringAsync(path))!, MoneySeed.Today.AddDays(10), (DayOfWeek.Tuesday, 9, 11));
        AssertWeekly(Calendar.Load(await other.GetStringAsync(path))!, MoneySeed.Today.AddDays(3), (DayOfWeek.Monday, 15, 18), (DayOfWeek.Wednesday, 15, 18));
        AssertWeekly(Calendar.Load(await provider.GetStringAsync(path))!, MoneySeed.Today.AddDays(3), (DayOfWeek.Monday, 15, 18), (DayOfWeek.Tuesday, 9, 11), (DayOfWeek.Wednesday, 15, 18));
        Assert.That((await elsewhere.GetAsync(path)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await stranger.GetAsync(path)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    /// <summary>One weekly event per slot, first on the slot's weekday on or after <paramref name="from"/>, in Italian time.</summary>
    private static void AssertWeekly(Calendar calendar, DateOnly from, params (DayOfWeek Day, int StartHour, int EndHour)[] slots)
    {
        var events = calendar.Events.OrderBy(e => e.DtStart!.Value).ToList();
        Assert.That(events, Has.Count.EqualTo(slots.Length));
        foreach (var (slot, found) in slots.OrderBy(s => FirstOn(from, s.Day)).Zip(events))
        {
            var first = FirstOn(from, slot.Day);
            Assert.Multiple(() =>
            {
                Assert.That(found.DtStart!.TzId, Is.EqualTo("Europe/Rome"));
                Assert.That(found.DtStart.Value, Is.EqualTo(first.ToDateTime(new TimeOnly(slot.StartHour, 0))));
                Assert.That(found.DtEnd!.Value, Is.EqualTo(first.ToDateTime(new TimeOnly(slot.EndHour, 0))));
                Assert.That(found.RecurrenceRule!.Frequency, Is.EqualTo(FrequencyType.Weekly));
                Assert.That(found.RecurrenceRule.ByDay.Select(d => d.DayOfWeek), Is.EqualTo(new[] { slot.Day }));
            });
        }
    }

    private static DateOnly FirstOn(DateOnly from, DayOfWeek day) => from.AddDays(((int)day - (int)from.DayOfWeek + 7) % 7);
}
